package org.spaprov.device.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * One HTTP/1.1 exchange on a connected socket, as a device makes it (RFC 9112): the request line
 * carries the path exactly as the rule wrote it — an empty query's {@code ?} included, which the
 * JDK's HTTP client drops — then {@code Host}, {@code User-Agent} and {@code Connection: close};
 * the response body is read by {@code Content-Length}, chunked, or to the end of the connection,
 * never beyond {@code maxBytes}. Blocking; the socket's read timeout bounds every read. Stateless.
 */
final class Http11 {
    /** Longest status line plus headers accepted. */
    static final int MAX_HEAD = 64 * 1024;

    private Http11() {
    }

    /**
     * A response: the status, and the body unless it was larger than allowed.
     *
     * @param body empty when the body exceeded {@code maxBytes}
     */
    record Response(int status, Optional<byte[]> body) { }

    /** The request target for {@code path}: as written, with non-ASCII characters percent-encoded as UTF-8. */
    static String target(String path) {
        StringBuilder b = new StringBuilder(path.length());
        for (byte x : path.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c <= 0x20 || c >= 0x7f) {
                if (c < 0x80) {
                    throw new IllegalArgumentException("white space or control character in the path");
                }
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            } else {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    /**
     * Sends the request and reads the response.
     *
     * @param hostHeader the {@code Host} value (host, with {@code :port} when not the default)
     * @param post       the body of a POST ({@code Content-Type: text/plain}), or empty for a GET
     */
    static Response exchange(InputStream in, OutputStream out, String target, String hostHeader, String userAgent,
            Optional<byte[]> post, long maxBytes) throws IOException {
        StringBuilder head = new StringBuilder(256);
        head.append(post.isPresent() ? "POST " : "GET ").append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostHeader).append("\r\n")
                .append("User-Agent: ").append(userAgent).append("\r\n")
                .append("Connection: close\r\n");
        post.ifPresent(p -> head.append("Content-Type: text/plain\r\nContent-Length: ").append(p.length).append("\r\n"));
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (post.isPresent()) {
            out.write(post.get());
        }
        out.flush();
        return read(in, maxBytes);
    }

    private static Response read(InputStream in, long maxBytes) throws IOException {
        int budget = MAX_HEAD;
        while (true) {
            String status = line(in, budget);
            budget -= status.length();
            String[] parts = status.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
                throw new ProtocolException("bad status line");
            }
            int code = Integer.parseInt(parts[1]);
            long length = -1;
            boolean chunked = false;
            for (String h = line(in, budget); !h.isEmpty(); h = line(in, budget)) {
                budget -= h.length();
                int colon = h.indexOf(':');
                if (colon <= 0) {
                    throw new ProtocolException("bad header line");
                }
                String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = h.substring(colon + 1).trim();
                if (name.equals("content-length")) {
                    length = parseLength(value);
                } else if (name.equals("transfer-encoding")) {
                    chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
                }
            }
            if (code >= 100 && code < 200) {
                continue; // an interim response (100 Continue): the real one follows
            }
            if (code == 204 || code == 304) {
                return new Response(code, Optional.of(new byte[0]));
            }
            return new Response(code, chunked ? chunked(in, maxBytes, budget) : body(in, length, maxBytes));
        }
    }

    private static Optional<byte[]> body(InputStream in, long length, long maxBytes) throws IOException {
        if (length > maxBytes) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length < 0 ? 8192 : (int) length);
        if (!copy(in, out, length < 0 ? maxBytes + 1 : length, length >= 0)) {
            throw new ProtocolException("connection closed before the end of the body");
        }
        return out.size() > maxBytes ? Optional.empty() : Optional.of(out.toByteArray());
    }

    private static Optional<byte[]> chunked(InputStream in, long maxBytes, int budget) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        while (true) {
            String size = line(in, budget);
            int semi = size.indexOf(';');
            long n;
            try {
                n = Long.parseLong((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
            } catch (NumberFormatException e) {
                throw new ProtocolException("bad chunk size");
            }
            if (n < 0) {
                throw new ProtocolException("bad chunk size");
            }
            if (n == 0) {
                for (String t = line(in, budget); !t.isEmpty(); t = line(in, budget)) {
                    budget -= t.length(); // trailer fields are not used
                }
                return Optional.of(out.toByteArray());
            }
            if (out.size() + n > maxBytes) {
                return Optional.empty();
            }
            if (!copy(in, out, n, true) || !line(in, budget).isEmpty()) {
                throw new ProtocolException("bad chunk");
            }
        }
    }

    /** Copies up to {@code n} bytes; false when the stream ended first and {@code exact} wanted all of them. */
    private static boolean copy(InputStream in, ByteArrayOutputStream out, long n, boolean exact) throws IOException {
        byte[] buf = new byte[16384];
        long left = n;
        while (left > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                return !exact;
            }
            out.write(buf, 0, r);
            left -= r;
        }
        return true;
    }

    private static long parseLength(String v) throws ProtocolException {
        try {
            long n = Long.parseLong(v);
            if (n < 0) {
                throw new ProtocolException("bad Content-Length");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ProtocolException("bad Content-Length");
        }
    }

    /** One CRLF- (or LF-) terminated line without its terminator, at most {@code max} bytes. */
    private static String line(InputStream in, int max) throws IOException {
        StringBuilder b = new StringBuilder(64);
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new ProtocolException("connection closed in the response head");
            }
            if (c == '\n') {
                int end = b.length() > 0 && b.charAt(b.length() - 1) == '\r' ? b.length() - 1 : b.length();
                return b.substring(0, end);
            }
            if (b.length() >= max) {
                throw new ProtocolException("response head too large");
            }
            b.append((char) c);
        }
    }
}
