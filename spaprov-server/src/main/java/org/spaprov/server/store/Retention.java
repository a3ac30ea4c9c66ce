package org.spaprov.server.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How many events the store keeps: none older than {@code keep}, at most {@code maxRows} (the
 * oldest go first). Immutable.
 */
public record Retention(Duration keep, long maxRows) {
    public Retention {
        Objects.requireNonNull(keep, "keep");
        if (keep.isNegative() || keep.isZero() || maxRows < 1) {
            throw new IllegalArgumentException("retention must keep something");
        }
    }

    /** 30 days, 1,000,000 rows. */
    public static Retention defaults() {
        return new Retention(Duration.ofDays(30), 1_000_000);
    }
}
