package org.spaprov.cli.options;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The one way the CLI reads a duration option: {@code 90s}, {@code 30m}, {@code 2h}, {@code 1d}, a bare
 * number of seconds, or ISO-8601 ({@code PT1H30M}). Zero and negative durations are refused; picocli
 * reports a refusal as a usage error naming the option.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
    /** What the option's description and errors show. */
    public static final String FORMS = "90s, 30m, 2h, 1d or ISO PT1H30M";
    private static final Pattern SIMPLE = Pattern.compile("([0-9]{1,12})([smhd]?)");

    @Override
    public Duration convert(String text) {
        Duration d = parse(text);
        if (d.isZero() || d.isNegative()) {
            throw new TypeConversionException("'" + text + "' is not a positive duration");
        }
        return d;
    }

    private static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofSeconds(n);
            };
        }
        if (t.startsWith("p")) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                // reported below like any other malformed text
            }
        }
        throw new TypeConversionException("'" + text + "' is not a duration (" + FORMS + ")");
    }
}
