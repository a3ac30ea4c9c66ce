package org.spaprov.device.engine;

import java.util.Optional;

/**
 * A parsed rule URL (SPEC §6.3).
 *
 * @param scheme {@code tftp}, {@code http} or {@code https} (lower case)
 * @param host   empty = the TFTP server of DHCP option 66
 * @param port   the explicit or default port (69, 80, 443)
 * @param path   absolute path, with query when any
 */
public record RuleTarget(String scheme, Optional<String> host, int port, String path) {
    /** The default port of a scheme. */
    public static int defaultPort(String scheme) {
        return switch (scheme) {
            case "http" -> 80;
            case "https" -> 443;
            default -> 69;
        };
    }

    /** {@code scheme://host:port/path} with {@code host} standing for an empty host. */
    public String url(String hostIfEmpty) {
        return scheme + "://" + host.orElse(hostIfEmpty) + ":" + port + path;
    }

    /** Parses an expanded URL; {@code defaultScheme} applies when it has none. */
    public static Optional<RuleTarget> parse(String url, String defaultScheme) {
        String u = url.trim();
        String scheme = defaultScheme;
        int i = u.indexOf("://");
        if (i >= 0) {
            scheme = u.substring(0, i).toLowerCase(java.util.Locale.ROOT);
            u = u.substring(i + 3);
            if (!scheme.equals("tftp") && !scheme.equals("http") && !scheme.equals("https")) {
                return Optional.empty();
            }
        }
        int slash = u.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String server = u.substring(0, slash);
        String path = u.substring(slash);
        if (path.chars().anyMatch(c -> c <= ' ' || c == 127)) {
            return Optional.empty();
        }
        Optional<String> host = Optional.empty();
        int port = defaultPort(scheme);
        if (!server.isEmpty()) {
            int colon = server.lastIndexOf(':');
            String h = server;
            if (colon >= 0) {
                h = server.substring(0, colon);
                try {
                    port = Integer.parseInt(server.substring(colon + 1));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                if (port < 1 || port > 65535) {
                    return Optional.empty();
                }
            }
            if (h.isEmpty() || !h.matches("[A-Za-z0-9.\\-]+")) {
                return Optional.empty();
            }
            host = Optional.of(h);
        }
        return Optional.of(new RuleTarget(scheme, host, port, path));
    }
}
