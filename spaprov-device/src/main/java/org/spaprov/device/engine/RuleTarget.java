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

    /** Parses an expanded URL with spaprov-rules' {@code RuleUrl} (default scheme tftp); empty when malformed. */
    public static Optional<RuleTarget> parse(String url) {
        try {
            org.spaprov.rules.RuleUrl u = org.spaprov.rules.RuleUrl.parse(url.trim());
            return Optional.of(new RuleTarget(u.scheme(), u.host(), u.port(), u.path()));
        } catch (IllegalArgumentException e) { // RuleSyntaxException included
            return Optional.empty();
        }
    }
}
