package org.spaprov.rules.expr;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code left op right}; an empty {@code left} is the legacy form ({@code ! 1.0.33},
 * {@code <1.0}) whose left side is {@code $SWVER} (SPEC §5.1).
 */
public record Comparison(Optional<Operand> left, Operator op, Operand right) {
    public Comparison {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(right, "right");
    }
}
