package org.spaprov.server.provision;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The one path check of the server, and the one log-safe rendering of what a client asked for.
 *
 * <p>{@link #check} confines a requested path: percent-decodes it once, removes one leading {@code /}, and
 * refuses absolute paths, {@code .}/{@code ..} segments, backslashes, drive letters, control characters and
 * names longer than {@link #MAX_PATH}. Every transport entry goes through it: the HTTP/HTTPS handler (GET, HEAD
 * and POST, refused → 400 before any service call), the provisioning chain's first stage (every protocol,
 * TFTP included) and the report store. {@link #printable} is how any client-supplied text reaches a log line
 * or an event. Stateless.
 */
public final class PathGuard {
    /** Longest path accepted (characters, query excluded). */
    public static final int MAX_PATH = 255;

    /** A confined path, or why it was refused. */
    public sealed interface Result permits Ok, Refused {
    }

    /** @param path without leading {@code /}; @param query raw, without {@code ?} */
    public record Ok(String path, String query) implements Result {
    }

    public record Refused(String reason) implements Result {
    }

    private PathGuard() {
    }

    public static Result check(String raw) {
        if (raw.length() > 4 * MAX_PATH) {
            return new Refused("name too long");
        }
        int q = raw.indexOf('?');
        String path = q >= 0 ? raw.substring(0, q) : raw;
        String query = q >= 0 ? raw.substring(q + 1) : "";
        String decoded = decode(path);
        if (decoded == null) {
            return new Refused("bad percent-encoding");
        }
        if (decoded.length() > MAX_PATH) {
            return new Refused("name too long");
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return new Refused("control character in path");
            }
        }
        String p = decoded.startsWith("/") ? decoded.substring(1) : decoded;
        if (p.startsWith("/") || p.indexOf('\\') >= 0 || p.matches("^[A-Za-z]:.*") || p.startsWith("~")) {
            return new Refused("absolute path");
        }
        for (String seg : p.split("/", -1)) {
            if (seg.equals("..") || seg.equals(".")) {
                return new Refused("path escapes the site");
            }
        }
        return new Ok(p, query);
    }

    /** Longest rendering {@link #printable} returns (characters). */
    public static final int MAX_PRINTABLE = 256;

    /**
     * A log-safe, bounded rendering of client-supplied text (a path, a header): control characters and DEL as
     * {@code \xNN}, at most {@link #MAX_PRINTABLE} characters, {@code ...} when cut. Never throws.
     */
    public static String printable(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_PRINTABLE) + 3);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int width = c < 0x20 || c == 0x7f ? 4 : 1;
            if (b.length() + width > MAX_PRINTABLE - 3) {
                return b.append("...").toString();
            }
            if (width == 4) {
                b.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    return null;
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
