package org.spaprov.rules.expr;

import java.util.List;

/**
 * A whole rule value: alternatives in order; none for an empty or commented-out value (which is
 * skipped, i.e. succeeds). Every alternative but the last has a condition (SPEC §6.1).
 */
public record Rule(List<Alternative> alternatives) {
    public Rule {
        alternatives = List.copyOf(alternatives);
        for (int i = 0; i < alternatives.size() - 1; i++) {
            if (alternatives.get(i).condition().isEmpty()) {
                throw new IllegalArgumentException("only the last alternative may omit its condition");
            }
        }
    }

    /** True for an empty (or commented-out) rule. */
    public boolean isEmpty() {
        return alternatives.isEmpty();
    }
}
