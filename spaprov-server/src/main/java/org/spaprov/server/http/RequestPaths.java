package org.spaprov.server.http;

import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * Request-target checks done before the service sees a path: origin form only, and no way out of the site
 * ({@code ..} segments, backslashes, NULs, also when percent-encoded). The service confines paths again; this
 * is the cheap first wall.
 */
final class RequestPaths {
    private RequestPaths() {
    }

    /**
     * The origin form ({@code /path?query}) of a request-target; absolute form ({@code http://host/path}) is
     * reduced to its path. Null for anything else ({@code *}, authority form, garbage).
     */
    static String originForm(String uri) {
        if (!uri.isEmpty() && uri.charAt(0) == '/') {
            return uri;
        }
        int scheme = uri.regionMatches(true, 0, "http://", 0, 7) ? 7
                : uri.regionMatches(true, 0, "https://", 0, 8) ? 8 : -1;
        if (scheme < 0) {
            return null;
        }
        int slash = uri.indexOf('/', scheme);
        return slash < 0 ? "/" : uri.substring(slash);
    }

    /** False when the path part (before {@code ?}) could name something outside the served tree. */
    static boolean confined(String originForm) {
        int q = originForm.indexOf('?');
        String path = q < 0 ? originForm : originForm.substring(0, q);
        if (path.indexOf('%') >= 0) {
            try {
                path = QueryStringDecoder.decodeComponent(path);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        if (path.startsWith("//") || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
            return false;
        }
        int i = 0;
        int n = path.length();
        while (i < n) {
            int next = path.indexOf('/', i + 1);
            int end = next < 0 ? n : next;
            // segment between the slash at i and the next slash
            if (end - i == 3 && path.charAt(i + 1) == '.' && path.charAt(i + 2) == '.') {
                return false;
            }
            i = end;
        }
        return true;
    }

    /** A log-safe, bounded rendering of a request-target (control characters escaped, at most 200 chars). */
    static String printable(String uri) {
        StringBuilder sb = new StringBuilder(Math.min(uri.length(), 200) + 8);
        for (int i = 0; i < uri.length() && sb.length() < 200; i++) {
            char c = uri.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (uri.length() > 200) {
            sb.append("...");
        }
        return sb.toString();
    }
}
