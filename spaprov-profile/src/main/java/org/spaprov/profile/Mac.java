package org.spaprov.profile;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A device's MAC address, the one vocabulary for it in device, server and tools. It is read from
 * {@code 000e08aabbcc}, {@code 000E08AABBCC}, {@code 00:0e:08:aa:bb:cc}, {@code 00-0E-08-AA-BB-CC} or
 * {@code 000e.08aa.bbcc} (surrounding blanks ignored) and written in the guide's three spellings:
 * {@link #hex()} ({@code $MA}, the canonical form in file names, records and events), {@link #upper()}
 * ({@code $MAU}) and {@link #colons()} ({@code $MAC}). Immutable.
 *
 * @param value the 48 bits, {@code 0 .. 0xffffffffffff}
 */
public record Mac(long value) implements Comparable<Mac> {
    /** The largest MAC. */
    public static final long MAX = 0xffff_ffff_ffffL;
    private static final Pattern CANONICAL = Pattern.compile("[0-9a-f]{12}");
    private static final Pattern SPELLINGS = Pattern.compile(
            "\\p{XDigit}{12}|\\p{XDigit}{2}(:\\p{XDigit}{2}){5}|\\p{XDigit}{2}(-\\p{XDigit}{2}){5}"
                    + "|\\p{XDigit}{4}(\\.\\p{XDigit}{4}){2}");

    public Mac {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException("a MAC address has 48 bits, got " + Long.toHexString(value));
        }
    }

    /**
     * Reads one of the spellings above.
     *
     * @throws IllegalArgumentException naming the value ({@code bad MAC address '...' (want 12 hex digits, ...)})
     */
    public static Mac parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException(text == null ? "MAC address missing"
                : "bad MAC address '" + text + "' (want 12 hex digits, e.g. 000e08aabbcc)"));
    }

    /** {@link #parse}, empty when {@code text} is not a MAC address. */
    public static Optional<Mac> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (!SPELLINGS.matcher(t).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Mac(HexFormat.fromHexDigitsToLong(t.replaceAll("[:.\\-]", ""))));
    }

    /** True when {@code text} is already in the canonical form: 12 lower-case hex digits. */
    public static boolean isCanonical(String text) {
        return text != null && CANONICAL.matcher(text).matches();
    }

    /** The MAC {@code n} after this one (fleets count up from a base). */
    public Mac plus(long n) {
        return new Mac(Math.addExact(value, n));
    }

    /** 12 lower-case hex digits, {@code 000e08aabbcc}: the guide's {@code $MA}. */
    public String hex() {
        return HexFormat.of().toHexDigits(value).substring(4);
    }

    /** 12 upper-case hex digits, {@code 000E08AABBCC}: the guide's {@code $MAU}. */
    public String upper() {
        return hex().toUpperCase(Locale.ROOT);
    }

    /** Lower case with colons, {@code 00:0e:08:aa:bb:cc}: the guide's {@code $MAC}. */
    public String colons() {
        return hex().replaceAll("(..)(?!$)", "$1:");
    }

    @Override
    public int compareTo(Mac o) {
        return Long.compare(value, o.value);
    }

    /** {@link #hex()}. */
    @Override
    public String toString() {
        return hex();
    }
}
