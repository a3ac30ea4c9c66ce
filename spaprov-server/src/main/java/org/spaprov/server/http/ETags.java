package org.spaprov.server.http;

/** Entity-tag helpers (RFC 9110 §8.8.3): quoting, and weak comparison for {@code If-None-Match}. */
final class ETags {
    private ETags() {
    }

    /** The header form of an entity tag: quoted unless it already is (or is weak). Null/empty stays null. */
    static String quote(String etag) {
        if (etag == null || etag.isEmpty()) {
            return null;
        }
        if (etag.charAt(0) == '"' || etag.startsWith("W/\"")) {
            return etag;
        }
        return '"' + etag + '"';
    }

    /** True when an {@code If-None-Match} list matches {@code quotedEtag} (weak comparison, or {@code *}). */
    static boolean noneMatchHits(String ifNoneMatch, String quotedEtag) {
        if (ifNoneMatch == null || quotedEtag == null) {
            return false;
        }
        String want = opaque(quotedEtag);
        int i = 0;
        int n = ifNoneMatch.length();
        while (i < n) {
            int comma = ifNoneMatch.indexOf(',', i);
            int end = comma < 0 ? n : comma;
            String tag = ifNoneMatch.substring(i, end).trim();
            if (tag.equals("*") || (!tag.isEmpty() && opaque(tag).equals(want))) {
                return true;
            }
            i = end + 1;
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
