package org.spaprov.rules.expr;

import java.util.List;
import java.util.StringJoiner;

/**
 * Prints a {@link Rule} or {@link Condition} in canonical form: {@code ( cond )?},
 * {@code ( name = "value"; … )!}, {@code [--key k --post f] url}, alternatives joined by
 * {@code " | "}, operators as acronyms ({@code eq}, {@code ge}; these need no XML escaping) except
 * in the legacy {@code $SWVER} form, which keeps its symbol ({@code != 1.0.33}). Keys with white
 * space, {@code ]} or a leading {@code -} are quoted. {@code RuleParser.parse(print(r))} gives
 * {@code r} back. Keys are printed: callers showing rules to people must mask them.
 */
public final class RulePrinter {
    private RulePrinter() {
    }

    public static String print(Rule rule) {
        StringJoiner j = new StringJoiner(" | ");
        for (Alternative a : rule.alternatives()) {
            j.add(print(a));
        }
        return j.toString();
    }

    public static String print(Alternative a) {
        StringJoiner j = new StringJoiner(" ");
        a.condition().ifPresent(c -> j.add("( " + print(c) + " )?"));
        a.assignments().ifPresent(list -> j.add(assignments(list)));
        if (!a.options().isEmpty()) {
            j.add(options(a.options()));
        }
        a.url().ifPresent(j::add);
        return j.toString();
    }

    public static String print(Condition c) {
        StringJoiner j = new StringJoiner(" and ");
        for (Comparison cmp : c.comparisons()) {
            j.add(cmp.left().isPresent()
                    ? operand(cmp.left().get()) + " " + cmp.op().acronym() + " " + operand(cmp.right())
                    : cmp.op().symbol() + " " + operand(cmp.right()));
        }
        return j.toString();
    }

    private static String operand(Operand o) {
        return switch (o) {
            case Operand.Quoted q -> "\"" + q.text() + "\"";
            case Operand.Bare b -> b.text();
        };
    }

    private static String assignments(List<Assignment> list) {
        StringBuilder b = new StringBuilder("( ");
        for (Assignment a : list) {
            b.append(a.name()).append(" = \"").append(a.value()).append("\"; ");
        }
        return b.append(")!").toString();
    }

    private static String options(List<RuleOption> options) {
        StringJoiner j = new StringJoiner(" ", "[", "]");
        for (RuleOption o : options) {
            j.add(switch (o) {
                case RuleOption.Key k -> "--key " + key(k.arg());
                case RuleOption.Post p -> "--post " + p.letter();
                case RuleOption.Alias al -> "--alias " + al.letter();
            });
        }
        return j.toString();
    }

    private static String key(String arg) {
        boolean quote = arg.startsWith("-");
        for (int i = 0; i < arg.length() && !quote; i++) {
            char c = arg.charAt(i);
            quote = Text.isWs(c) || c == ']';
        }
        return quote ? "\"" + arg + "\"" : arg;
    }
}
