package org.spaprov.server.http;

/**
 * One satisfiable byte range of a representation, from a {@code Range: bytes=...} header (RFC 9110 §14.1.2).
 * Only single ranges are honoured; a multi-range request is served whole (RFC 9110 allows ignoring Range).
 *
 * @param first offset of the first byte
 * @param last offset of the last byte, inclusive
 */
record ByteRange(long first, long last) {

    /** What a Range header asks of a representation of a given length. */
    sealed interface Outcome permits Whole, Partial, Unsatisfiable {
    }

    /** Serve the whole representation (no header, a syntax we ignore, or several ranges). */
    record Whole() implements Outcome {
    }

    /** Serve one range with 206. */
    record Partial(ByteRange range) implements Outcome {
    }

    /** Answer 416. */
    record Unsatisfiable() implements Outcome {
    }

    static final Outcome WHOLE = new Whole();
    static final Outcome UNSATISFIABLE = new Unsatisfiable();

    long length() {
        return last - first + 1;
    }

    /** Parses {@code header} (may be null) against a representation of {@code length} bytes. */
    static Outcome parse(String header, long length) {
        if (header == null) {
            return WHOLE;
        }
        String h = header.trim();
        if (!h.regionMatches(true, 0, "bytes=", 0, 6) || h.indexOf(',') >= 0) {
            return WHOLE;
        }
        String spec = h.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return WHOLE;
        }
        String a = spec.substring(0, dash).trim();
        String b = spec.substring(dash + 1).trim();
        try {
            if (a.isEmpty()) {
                // suffix range: the last N bytes
                if (b.isEmpty()) {
                    return WHOLE;
                }
                long n = Long.parseLong(b);
                if (n <= 0 || length == 0) {
                    return UNSATISFIABLE;
                }
                return new Partial(new ByteRange(Math.max(0, length - n), length - 1));
            }
            long first = Long.parseLong(a);
            long last = b.isEmpty() ? length - 1 : Long.parseLong(b);
            if (first < 0 || (!b.isEmpty() && last < first)) {
                return WHOLE;
            }
            if (first >= length) {
                return UNSATISFIABLE;
            }
            return new Partial(new ByteRange(first, Math.min(last, length - 1)));
        } catch (NumberFormatException e) {
            return WHOLE;
        }
    }
}
