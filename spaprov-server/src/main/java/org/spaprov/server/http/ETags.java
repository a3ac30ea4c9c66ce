package org.spaprov.server.http;

/** The header form of entity tags (RFC 9110 §8.8.3); matching them is {@code ConditionalStage}'s. */
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
}
