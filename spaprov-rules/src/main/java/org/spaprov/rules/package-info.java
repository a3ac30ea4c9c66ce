/**
 * The SPA provisioning rule language (SPEC §4–§7, decisions §15), pure and thread-safe:
 * <ul>
 *   <li>{@link org.spaprov.rules.Macros} — {@code $NAME}, {@code $(NAME:p:q)}, {@code $$} over
 *       {@link org.spaprov.rules.Variables} (names in {@link org.spaprov.rules.VariableNames});</li>
 *   <li>{@link org.spaprov.rules.Conditions} — bare conditions ({@code Resync_Trigger_n});</li>
 *   <li>{@link org.spaprov.rules.Rules} — {@code Profile_Rule*}, {@code Upgrade_Rule},
 *       {@code Report_Rule} to a {@link org.spaprov.rules.RuleOutcome} (never throws);</li>
 *   <li>{@link org.spaprov.rules.Schedule} — {@code 1800+300,3600} with an injected random source;</li>
 *   <li>{@link org.spaprov.rules.Version} — firmware versions in the order of §15.7;</li>
 *   <li>{@link org.spaprov.rules.RuleChecks} — the syntax checks the profile validator plugs in.</li>
 * </ul>
 * Syntax errors carry the 0-based column of the offending character. The syntax tree lives in
 * {@link org.spaprov.rules.expr}.
 */
package org.spaprov.rules;
