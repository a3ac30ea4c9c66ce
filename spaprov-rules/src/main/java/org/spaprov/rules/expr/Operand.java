package org.spaprov.rules.expr;

import java.util.Objects;

/**
 * One side of a comparison as written, before macro expansion: a double-quoted string (always a
 * string) or a bare token (an integer, a version, a macro such as {@code $SWVER}, or a bare word;
 * its type is decided after expansion, SPEC §5.2).
 */
public sealed interface Operand {
    /** The text as written, without quotes. */
    String text();

    /** {@code "text"}: a string whatever it contains. */
    record Quoted(String text) implements Operand {
        public Quoted {
            Objects.requireNonNull(text, "text");
            if (text.indexOf('"') >= 0) {
                throw new IllegalArgumentException("a quoted operand cannot contain '\"'");
            }
        }
    }

    /** A bare token such as {@code $REGTMR1}, {@code 300} or {@code 2.0.6(b)}. */
    record Bare(String text) implements Operand {
        public Bare {
            Objects.requireNonNull(text, "text");
            if (text.isEmpty()) {
                throw new IllegalArgumentException("a bare operand is not empty");
            }
        }
    }
}
