package org.spaprov.server.feedback.syslog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the guide's provisioning log messages in a syslog text. Each {@code Log_*_Msg} template
 * ({@code $PN $MAC -- Resync failed: $ERR}) becomes a pattern: its literal text must match exactly, {@code $ERR}
 * is captured, {@code $MA}/{@code $MAU}/{@code $MAC} capture the MAC, every other macro matches any text. The
 * site's own templates are tried before the guide's defaults. Immutable, thread-safe.
 */
public final class LogTemplates {
    /** Which message a line is. */
    public enum Kind {
        RESYNC_REQUEST("Log_Resync_Request_Msg"), RESYNC_SUCCESS("Log_Resync_Success_Msg"),
        RESYNC_FAILURE("Log_Resync_Failure_Msg"), UPGRADE_REQUEST("Log_Upgrade_Request_Msg"),
        UPGRADE_SUCCESS("Log_Upgrade_Success_Msg"), UPGRADE_FAILURE("Log_Upgrade_Failure_Msg");

        private final String param;

        Kind(String param) {
            this.param = param;
        }

        /** The parameter that holds this message's template. */
        public String param() {
            return param;
        }
    }

    /**
     * A recognised line.
     *
     * @param mac the MAC the line names (12 lower-case hex digits), if its template names one
     * @param err the line's {@code $ERR}, if its template has one and it is not empty
     */
    public record Match(Kind kind, Optional<String> mac, Optional<String> err) {
    }

    /** The guide's defaults (SPEC §7.1, the catalogs). */
    public static final List<Template> DEFAULTS = List.of(
            new Template(Kind.RESYNC_REQUEST, "$PN $MAC -- Requesting resync $SCHEME://$SERVIP:$PORT$PATH"),
            new Template(Kind.RESYNC_SUCCESS, "$PN $MAC -- Successful resync $SCHEME://$SERVIP:$PORT$PATH"),
            new Template(Kind.RESYNC_FAILURE, "$PN $MAC -- Resync failed: $ERR"),
            new Template(Kind.UPGRADE_REQUEST, "$PN $MAC -- Requesting upgrade $SCHEME://$SERVIP:$PORT$PATH"),
            new Template(Kind.UPGRADE_SUCCESS, "$PN $MAC -- Successful upgrade $SCHEME://$SERVIP:$PORT$PATH -- $ERR"),
            new Template(Kind.UPGRADE_FAILURE, "$PN $MAC -- Upgrade failed: $ERR"));

    /** One template of one kind. */
    public record Template(Kind kind, String text) {
    }

    private static final Pattern MACRO = Pattern.compile("\\$(?:\\(([A-Za-z0-9]+)[^)]*\\)|([A-Za-z0-9]+)|\\$)");

    private record Compiled(Kind kind, Pattern pattern) {
    }

    private final List<Compiled> compiled;

    private LogTemplates(List<Compiled> compiled) {
        this.compiled = compiled;
    }

    /** The site's templates first (in order, duplicates once), then the defaults. */
    public static LogTemplates of(List<Template> site) {
        Set<Template> all = new LinkedHashSet<>(site);
        all.addAll(DEFAULTS);
        List<Compiled> c = new ArrayList<>();
        for (Template t : all) {
            if (!t.text().isBlank()) {
                c.add(new Compiled(t.kind(), compile(t.text())));
            }
        }
        return new LogTemplates(List.copyOf(c));
    }

    /** The first template the text matches. */
    public Optional<Match> match(String text) {
        for (Compiled c : compiled) {
            Matcher m = c.pattern().matcher(text);
            if (m.matches()) {
                return Optional.of(new Match(c.kind(), group(m, "mac").map(LogTemplates::hex),
                        group(m, "err").map(String::strip).filter(e -> !e.isEmpty())));
            }
        }
        return Optional.empty();
    }

    static Pattern compile(String template) {
        StringBuilder re = new StringBuilder();
        Matcher m = MACRO.matcher(template.strip());
        int last = 0;
        boolean mac = false;
        boolean err = false;
        while (m.find()) {
            re.append(Pattern.quote(template.strip().substring(last, m.start())));
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            if (name == null) {
                re.append("\\$");
            } else if (m.group(2) != null && name.equals("ERR") && !err) {
                re.append("(?<err>.*?)");
                err = true;
            } else if (m.group(2) != null && name.equals("MAC") && !mac) {
                re.append("(?<mac>[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5})");
                mac = true;
            } else if (m.group(2) != null && (name.equals("MA") || name.equals("MAU")) && !mac) {
                re.append("(?<mac>[0-9A-Fa-f]{12})");
                mac = true;
            } else {
                re.append(".*?");
            }
            last = m.end();
        }
        re.append(Pattern.quote(template.strip().substring(last)));
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    private static Optional<String> group(Matcher m, String name) {
        try {
            return Optional.ofNullable(m.group(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // the template has no such macro
        }
    }

    private static String hex(String mac) {
        return mac.replace(":", "").toLowerCase(java.util.Locale.ROOT);
    }
}
