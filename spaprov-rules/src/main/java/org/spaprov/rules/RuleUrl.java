package org.spaprov.rules;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A resolved rule URL (SPEC §6.3): scheme {@code tftp}, {@code http} or {@code https} (default
 * {@code tftp}); the host, empty when the URL names none (then the device uses the TFTP server
 * from DHCP option 66); the port (default 69, 80, 443 by scheme); the absolute path with any query.
 */
public record RuleUrl(String scheme, Optional<String> host, int port, String path) {
    public RuleUrl {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535");
        }
    }

    /** The default port of a scheme: tftp 69, http 80, https 443. */
    public static int defaultPort(String scheme) {
        return switch (scheme) {
            case "http" -> 80;
            case "https" -> 443;
            default -> 69;
        };
    }

    /**
     * Parses an already-expanded URL {@code [scheme://][server[:port]]/path}. Errors give the
     * 0-based offset in {@code text}.
     */
    public static RuleUrl parse(String text) throws RuleSyntaxException {
        if (text.isEmpty()) {
            throw new RuleSyntaxException(0, "empty URL");
        }
        String scheme = "tftp";
        int rest = 0;
        int sep = text.indexOf("://");
        int slash = text.indexOf('/');
        if (sep >= 0 && sep + 1 == slash) { // "://" before any other '/': a scheme
            String word = text.substring(0, sep).toLowerCase(Locale.ROOT);
            if (!word.equals("tftp") && !word.equals("http") && !word.equals("https")) {
                throw new RuleSyntaxException(0, "unsupported scheme; expected tftp, http or https");
            }
            scheme = word;
            rest = sep + 3;
        }
        int pathStart = text.indexOf('/', rest);
        if (pathStart < 0) {
            throw new RuleSyntaxException(text.length(), "missing path: the URL needs an absolute path starting with '/'");
        }
        for (int i = pathStart; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                throw new RuleSyntaxException(i, "white space or control character in the URL path");
            }
        }
        String path = text.substring(pathStart);
        if (pathStart == rest) {
            return new RuleUrl(scheme, Optional.empty(), defaultPort(scheme), path);
        }
        String server = text.substring(rest, pathStart);
        int colon = server.indexOf(':');
        String host = colon < 0 ? server : server.substring(0, colon);
        if (host.isEmpty()) {
            throw new RuleSyntaxException(rest, "missing server name before ':'");
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!isHostChar(c)) {
                throw new RuleSyntaxException(rest + i, "unexpected character in the server name");
            }
        }
        int port = defaultPort(scheme);
        if (colon >= 0) {
            String digits = server.substring(colon + 1);
            int pcol = rest + colon + 1;
            if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                throw new RuleSyntaxException(pcol, "the port must be a number 1..65535");
            }
            port = Integer.parseInt(digits);
            if (port < 1 || port > 65535) {
                throw new RuleSyntaxException(pcol, "the port must be a number 1..65535");
            }
        }
        return new RuleUrl(scheme, Optional.of(host), port, path);
    }

    /** Letters, digits, {@code .}, {@code -} and {@code _}: what a server name may hold. */
    static boolean isHostChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_';
    }

    /** The URL written out in full ({@code tftp://host:69/path}; no host part for DHCP option 66). */
    @Override
    public String toString() {
        return scheme + "://" + host.map(h -> h + ":" + port).orElse("") + path;
    }
}
