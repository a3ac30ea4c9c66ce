package org.spaprov.rules.expr;

import java.util.List;
import java.util.Objects;

/**
 * A parsed rule with where its parts were in the source text (kept outside the tree so that equal
 * rules are equal wherever they were written). {@code spans.get(i)} belongs to alternative i.
 */
public record ParsedRule(Rule rule, List<Span> spans) {
    public ParsedRule {
        Objects.requireNonNull(rule, "rule");
        spans = List.copyOf(spans);
    }

    /**
     * Columns (0-based) of one alternative: where it starts, each option's flag, the URL
     * (-1 when absent) and the {@code [} of its options (-1 when absent).
     */
    public record Span(int start, int optionsColumn, List<Integer> optionColumns, int urlColumn) {
        public Span {
            optionColumns = List.copyOf(optionColumns);
        }
    }
}
