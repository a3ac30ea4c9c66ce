package org.spaprov.rules;

import java.math.BigInteger;
import java.util.regex.Pattern;
import org.spaprov.rules.expr.Comparison;
import org.spaprov.rules.expr.Condition;
import org.spaprov.rules.expr.Operand;
import org.spaprov.rules.expr.Operator;

/**
 * Evaluates a parsed condition with the typing rules of SPEC §5.2 and the version order of §15.7.
 * After expansion a quoted operand is a string; a bare one is an integer ({@code -?digits}), a
 * version (digits with dots, optional suffix) or else a string. Integers compare numerically;
 * a version against a version or a non-negative integer compares as versions; anything involving
 * a string compares the texts exactly, where only {@code =} and {@code !=} can hold. A bare
 * operand that expands to nothing makes its comparison false.
 */
final class ConditionEvaluator {
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");

    private sealed interface Value {
        String text();
    }

    private record Str(String text) implements Value {
    }

    private record Int(String text, BigInteger n) implements Value {
    }

    private record Ver(String text, Version v) implements Value {
    }

    private ConditionEvaluator() {
    }

    static boolean evaluate(Condition c, Variables v) {
        for (Comparison cmp : c.comparisons()) {
            if (!holds(cmp, v)) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(Comparison cmp, Variables v) {
        Value left = cmp.left().isPresent()
                ? value(cmp.left().get(), v)
                : bare(Macros.expand("$SWVER", v)); // legacy form: $SWVER on the left
        Value right = value(cmp.right(), v);
        if (left == null || right == null) {
            return false;
        }
        Operator op = cmp.op();
        if (left instanceof Int a && right instanceof Int b) {
            return op.test(a.n().compareTo(b.n()));
        }
        Version a = asVersion(left);
        Version b = asVersion(right);
        if (a != null && b != null && (left instanceof Ver || right instanceof Ver)) {
            return op.test(a.compareTo(b));
        }
        return !op.ordering() && op.test(left.text().equals(right.text()) ? 0 : 1);
    }

    private static Value value(Operand o, Variables v) {
        return switch (o) {
            case Operand.Quoted q -> new Str(Macros.expand(q.text(), v));
            case Operand.Bare b -> bare(Macros.expand(b.text(), v));
        };
    }

    private static Value bare(String expanded) {
        String t = expanded.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (INTEGER.matcher(t).matches()) {
            return new Int(t, new BigInteger(t));
        }
        if (Version.looksLikeVersion(t)) {
            return new Ver(t, Version.parse(t));
        }
        return new Str(t);
    }

    private static Version asVersion(Value val) {
        return switch (val) {
            case Ver ver -> ver.v();
            case Int i -> i.n().signum() >= 0 ? Version.tryParse(i.n().toString()).orElse(null) : null;
            case Str s -> null;
        };
    }
}
