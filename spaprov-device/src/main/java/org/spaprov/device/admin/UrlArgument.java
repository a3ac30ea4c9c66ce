package org.spaprov.device.admin;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The URL argument of {@code /admin/resync?…} and {@code /admin/upgrade?…} (SPEC §13.1, §15.19):
 * {@code [[scheme://]server[:port]]/path}, raw or %-encoded. When the server is missing, the host
 * that sent the HTTP request takes its place. Pure.
 */
final class UrlArgument {
    private UrlArgument() {
    }

    /**
     * The complete URL for a raw query string, or empty when there is no argument.
     *
     * @param rawQuery the query as received (may be null)
     * @param requesterHost the IP address of the HTTP client
     */
    static Optional<String> complete(String rawQuery, String requesterHost) {
        if (rawQuery == null) {
            return Optional.empty();
        }
        String arg = percentDecode(rawQuery).strip();
        if (arg.isEmpty()) {
            return Optional.empty();
        }
        String host = requesterHost.indexOf(':') >= 0 ? "[" + requesterHost + "]" : requesterHost;
        int sep = arg.indexOf("://");
        String scheme = sep > 0 && arg.substring(0, sep).matches("[A-Za-z][A-Za-z0-9+.-]*") ? arg.substring(0, sep + 3) : "";
        String rest = arg.substring(scheme.length());
        if (rest.startsWith("/")) {
            return Optional.of(scheme + host + rest); // no server
        }
        if (rest.startsWith(":")) {
            return Optional.of(scheme + host + rest); // port only
        }
        return Optional.of(arg);
    }

    /** Decodes {@code %XX} sequences as UTF-8; {@code +} and malformed escapes stay as they are. */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '%' && i + 2 < b.length && hex(b[i + 1]) >= 0 && hex(b[i + 2]) >= 0) {
                out.write(hex(b[i + 1]) * 16 + hex(b[i + 2]));
                i += 2;
            } else {
                out.write(b[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte c) {
        return Character.digit(c, 16);
    }
}
