package org.spaprov.server.provision;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spaprov.profile.Mac;
import org.spaprov.server.config.ServerConfig.Naming;

/**
 * Maps a confined request path to what it names, by the site's patterns ({@link Naming}).
 * {@code $MA} matches 12 hex digits (either case), {@code $PSN}/{@code $PN}/{@code $SN} a product
 * series, product name or serial, {@code *} any run inside one path segment. A pattern without
 * {@code /} matches the last segment in any folder. A {@code ?name=$MA} suffix matches a query
 * parameter (the MAC may be colon-separated there). Immutable and thread-safe.
 */
public final class RequestNaming {
    /** What a path names. */
    public record Named(FileKind kind, String file, Optional<String> mac, Optional<String> series, boolean plain) {
    }

    private record Compiled(Pattern path, Optional<String> queryParam, FileKind kind, boolean plain) {
    }

    private final List<Compiled> patterns;

    public RequestNaming(Naming naming) {
        List<Compiled> l = new ArrayList<>();
        for (String p : naming.profiles()) {
            l.add(compile(p, FileKind.PROFILE, false));
        }
        for (String p : naming.plain()) {
            l.add(compile(p, FileKind.PROFILE, true));
        }
        for (String p : naming.bootstrap()) {
            l.add(compile(p, FileKind.BOOTSTRAP, true));
        }
        this.patterns = List.copyOf(l);
    }

    /**
     * @param path  the confined path, without leading {@code /} and without query
     * @param query the raw query (without {@code ?}), empty when none
     */
    public Optional<Named> name(String path, String query) {
        if (path.startsWith("firmware/")) {
            String f = path.substring("firmware/".length());
            return f.isEmpty() || f.contains("/") ? Optional.empty()
                    : Optional.of(new Named(FileKind.FIRMWARE, f, Optional.empty(), Optional.empty(), true));
        }
        for (Compiled c : patterns) {
            Matcher m = c.path().matcher(path);
            if (!m.matches()) {
                continue;
            }
            Optional<String> mac = Optional.empty();
            if (c.queryParam().isPresent()) {
                mac = queryParam(query, c.queryParam().get()).flatMap(Mac::tryParse).map(Mac::hex);
                if (mac.isEmpty()) {
                    continue;
                }
            } else if (hasGroup(c.path(), "ma")) {
                mac = Mac.tryParse(m.group("ma")).map(Mac::hex);
            }
            Optional<String> psn = hasGroup(c.path(), "psn") ? Optional.of(m.group("psn")) : Optional.empty();
            if (c.kind() == FileKind.PROFILE && mac.isEmpty()) {
                continue;
            }
            return Optional.of(new Named(c.kind(), path, mac, psn, c.plain()));
        }
        return Optional.empty();
    }

    private static boolean hasGroup(Pattern p, String name) {
        return p.pattern().contains("(?<" + name + ">");
    }

    private static Optional<String> queryParam(String query, String name) {
        for (String kv : query.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0 && kv.substring(0, eq).equalsIgnoreCase(name)) {
                return Optional.of(kv.substring(eq + 1));
            }
        }
        return Optional.empty();
    }

    private static Compiled compile(String pattern, FileKind kind, boolean plain) {
        String p = pattern.startsWith("/") ? pattern.substring(1) : pattern;
        Optional<String> qp = Optional.empty();
        int q = p.indexOf('?');
        if (q >= 0) {
            String query = p.substring(q + 1);
            int eq = query.indexOf("=$MA");
            if (eq <= 0) {
                throw new IllegalArgumentException("naming pattern '" + pattern + "': the query form is ?name=$MA");
            }
            qp = Optional.of(query.substring(0, eq));
            p = p.substring(0, q);
        }
        StringBuilder re = new StringBuilder(p.contains("/") ? "" : "(?:.*/)?");
        boolean ma = false;
        boolean psn = false;
        for (int i = 0; i < p.length(); ) {
            if (p.startsWith("$MAU", i) || p.startsWith("$MA", i)) {
                re.append(ma || qp.isPresent() ? "[0-9A-Fa-f]{12}" : "(?<ma>[0-9A-Fa-f]{12})");
                ma = true;
                i += p.startsWith("$MAU", i) ? 4 : 3;
            } else if (p.startsWith("$PSN", i)) {
                re.append(psn ? "[0-9A-Za-z]{1,16}" : "(?<psn>[0-9A-Za-z]{1,16})");
                psn = true;
                i += 4;
            } else if (p.startsWith("$PN", i) || p.startsWith("$SN", i)) {
                re.append("[0-9A-Za-z-]{1,32}");
                i += 3;
            } else if (p.charAt(i) == '*') {
                re.append("[^/]*");
                i++;
            } else {
                re.append(Pattern.quote(String.valueOf(p.charAt(i))));
                i++;
            }
        }
        return new Compiled(Pattern.compile(re.toString()), qp, kind, plain);
    }
}
