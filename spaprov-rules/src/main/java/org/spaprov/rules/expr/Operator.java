package org.spaprov.rules.expr;

import java.util.Locale;
import java.util.Optional;

/** A comparison operator with its symbol and its XML-friendly acronym (SPEC §5.1, Table 2-2). */
public enum Operator {
    EQ("=", "eq"), NE("!=", "ne"), LT("<", "lt"), LE("<=", "le"), GT(">", "gt"), GE(">=", "ge");

    private final String symbol;
    private final String acronym;

    Operator(String symbol, String acronym) {
        this.symbol = symbol;
        this.acronym = acronym;
    }

    public String symbol() {
        return symbol;
    }

    public String acronym() {
        return acronym;
    }

    /** True for the four ordering operators, which never hold between strings. */
    public boolean ordering() {
        return this != EQ && this != NE;
    }

    /** The operator an acronym names, case-insensitively ({@code eq}, {@code GE}). */
    public static Optional<Operator> fromAcronym(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (Operator o : values()) {
            if (o.acronym.equals(w)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /** True when {@code sign} of a comparison holds for this operator. */
    public boolean test(int sign) {
        return switch (this) {
            case EQ -> sign == 0;
            case NE -> sign != 0;
            case LT -> sign < 0;
            case LE -> sign <= 0;
            case GT -> sign > 0;
            case GE -> sign >= 0;
        };
    }
}
