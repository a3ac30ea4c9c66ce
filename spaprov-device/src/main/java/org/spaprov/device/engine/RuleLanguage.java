package org.spaprov.device.engine;

import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The parts of the rule language (SPEC §4–§7.3) the engine uses. Backed by the built-in
 * {@link FallbackRules} until spaprov-rules is wired in; every method is pure.
 *
 * <p>{@code vars} maps variable names (no {@code $}) to values.
 */
public interface RuleLanguage {
    /** Macro expansion (SPEC §4); {@code SA}..{@code SD} are not expanded. */
    String expand(String text, Map<String, String> vars);

    /** Macro expansion of a {@code --key} argument: {@code SA}..{@code SD} expand too, quotes removed. */
    String expandKey(String keyArg, Map<String, String> vars, Map<String, String> secretVars);

    /** A bare condition (SPEC §5), expanded first; malformed or empty → false. */
    boolean condition(String expr, Map<String, String> vars);

    /** Evaluates one rule parameter (SPEC §6.2 steps 1–3). */
    RuleChoice evaluate(String rule, boolean upgrade, Map<String, String> vars);

    /**
     * The delay in seconds of element {@code index} of a schedule (SPEC §7.3; the last element
     * repeats), or empty when the schedule is disabled (empty, {@code 0}, or invalid).
     */
    Optional<Long> scheduleDelay(String schedule, int index, RandomGenerator rnd);

    /** Version order of SPEC §15.7. */
    int compareVersions(String a, String b);

    /** The built-in implementation. */
    static RuleLanguage builtin() {
        return FallbackRules.INSTANCE;
    }
}
