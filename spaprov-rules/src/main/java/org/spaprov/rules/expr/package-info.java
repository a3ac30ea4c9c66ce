/**
 * The rule language as a syntax tree: {@link org.spaprov.rules.expr.Rule} (alternatives separated
 * by {@code |}), {@link org.spaprov.rules.expr.Alternative} ({@code ( cond )?}, {@code ( … )!},
 * {@code [options]}, URL), {@link org.spaprov.rules.expr.Condition} and its comparisons, with
 * {@link org.spaprov.rules.expr.RuleParser}, {@link org.spaprov.rules.expr.ConditionParser} and
 * {@link org.spaprov.rules.expr.RulePrinter}. The tree holds the text as written (macros are
 * expanded only when a rule is evaluated) and no positions, so {@code parse(print(t)).equals(t)}.
 */
package org.spaprov.rules.expr;
