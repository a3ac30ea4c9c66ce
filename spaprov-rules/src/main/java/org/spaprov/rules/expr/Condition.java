package org.spaprov.rules.expr;

import java.util.List;

/** Comparisons joined by {@code and}; all must hold (SPEC §5.1). Never empty. */
public record Condition(List<Comparison> comparisons) {
    public Condition {
        comparisons = List.copyOf(comparisons);
        if (comparisons.isEmpty()) {
            throw new IllegalArgumentException("a condition has at least one comparison");
        }
    }
}
