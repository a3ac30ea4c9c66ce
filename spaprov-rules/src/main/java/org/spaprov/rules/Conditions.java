package org.spaprov.rules;

import java.util.Optional;
import org.spaprov.profile.validate.SyntaxError;
import org.spaprov.rules.expr.Condition;
import org.spaprov.rules.expr.ConditionParser;

/**
 * Bare conditions as in {@code Resync_Trigger_1/_2} (SPEC §5, no {@code ( )?} around them), e.g.
 * {@code $REGTMR1 gt 300 and $PRVTMR gt 1200 and "$EXTIP" ne ""}. An empty or commented-out
 * ({@code #…}) value is valid and never holds. Pure and thread-safe; {@link #evaluate} never throws.
 */
public final class Conditions {
    private Conditions() {
    }

    /** True when the condition holds; false when it does not, is empty, or is malformed. */
    public static boolean evaluate(String expr, Variables v) {
        try {
            Optional<Condition> c = parse(expr);
            return c.isPresent() && ConditionEvaluator.evaluate(c.get(), v);
        } catch (RuntimeException e) {
            return false; // malformed (or a bug): a trigger that cannot be read never fires
        }
    }

    /** Evaluates a condition parsed earlier with {@link #parse(String)}; never throws. */
    public static boolean evaluate(Condition c, Variables v) {
        try {
            return ConditionEvaluator.evaluate(c, v);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Empty when {@code expr} is well-formed (or empty); else the first error and its column. */
    public static Optional<SyntaxError> check(String expr) {
        try {
            parse(expr);
            return Optional.empty();
        } catch (RuleSyntaxException e) {
            return Optional.of(e.toSyntaxError());
        }
    }

    /**
     * Parses a bare condition; empty for an empty or commented-out value.
     *
     * @throws RuleSyntaxException when it is malformed
     */
    public static Optional<Condition> parse(String expr) throws RuleSyntaxException {
        if (expr == null) {
            return Optional.empty();
        }
        int end = commentStart(expr);
        String body = expr.substring(0, end);
        if (body.isBlank()) {
            return Optional.empty();
        }
        int first = body.length() - body.stripLeading().length();
        String trimmed = body.strip();
        if (trimmed.startsWith("(") && trimmed.endsWith(")?")) {
            throw new RuleSyntaxException(first, "write a Resync_Trigger condition without '( )?' around it");
        }
        return Optional.of(ConditionParser.parse(expr, 0, end));
    }

    /** The first '#' outside double quotes (a bare condition has no brackets). */
    private static int commentStart(String s) {
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                return i;
            }
        }
        return s.length();
    }
}
