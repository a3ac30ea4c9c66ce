package org.spaprov.server.http;

/**
 * The request-target form (RFC 9112 §3.2): origin form, or absolute form reduced to its path. Whether the path
 * stays inside the site is {@link org.spaprov.server.provision.PathGuard}'s alone.
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
}
