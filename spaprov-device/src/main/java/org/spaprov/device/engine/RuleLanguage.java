package org.spaprov.device.engine;

import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The parts of the rule language (SPEC §4–§7.3) the engine uses, as a seam so tests and other
 * rule dialects can replace it; {@link #builtin()} is spaprov-rules. Every method is pure.
 *
 * <p>{@code vars} maps variable names (no {@code $}) to values; it includes {@code SA}..{@code SD},
 * which only {@code --key} arguments expand.
 */
public interface RuleLanguage {
    /** Macro expansion (SPEC §4); {@code SA}..{@code SD} are not expanded. */
    String expand(String text, Map<String, String> vars);

    /** A bare condition (SPEC §5); malformed or empty → false. */
    boolean condition(String expr, Map<String, String> vars);

    /** Evaluates one rule parameter (SPEC §6.2 steps 1–3). */
    RuleChoice evaluate(String rule, boolean upgrade, Map<String, String> vars);

    /**
     * The delay in seconds of element {@code index} of a schedule (SPEC §7.3; the last element
     * repeats), or empty when the schedule is disabled (empty, {@code 0}, or invalid).
     */
    Optional<Long> scheduleDelay(String schedule, int index, RandomGenerator rnd);

    /** Version order of SPEC §15.7; 0 when either side is not a version. */
    int compareVersions(String a, String b);

    /** spaprov-rules. */
    static RuleLanguage builtin() {
        return RulesModule.INSTANCE;
    }
}
