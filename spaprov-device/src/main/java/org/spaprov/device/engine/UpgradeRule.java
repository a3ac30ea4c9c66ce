package org.spaprov.device.engine;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.spaprov.profile.firmware.FirmwareImage;
import org.spaprov.rules.RuleKind;
import org.spaprov.rules.RuleOutcome;
import org.spaprov.rules.RuleUrl;
import org.spaprov.rules.Rules;
import org.spaprov.rules.Version;
import org.spaprov.rules.expr.ParsedRule;

/**
 * One Upgrade_Rule value, parsed once (SPEC §6.6, §7.5): what an attempt fetches with {@code $UPGST}
 * set to the attempt's number, the URL that names the upgrade, and whether a downloaded image may
 * be installed. Pure.
 *
 * <p>The name of an upgrade is the URL of its first attempt: with {@code $UPGST} in it the URL
 * changes from attempt to attempt, yet it is one upgrade for loop protection and retries.
 */
final class UpgradeRule {
    /** What an attempt does. */
    sealed interface Plan {
        /** Nothing to fetch (empty rule, no condition holds, or no URL); assignments still apply. */
        record Nothing(Map<String, String> assignments) implements Plan { }

        /** The rule is malformed, or its URL is after expansion: {@code $ERR} = {@code bad url}. */
        record Bad() implements Plan { }

        /**
         * Fetch {@code url}.
         *
         * @param name        the upgrade's name (its first attempt's effective URL)
         * @param alternative the chosen alternative, 0-based
         * @param conditional whether that alternative has a condition (loop protection)
         */
        record Fetch(RuleUrl url, String name, Map<String, String> assignments, int alternative, boolean conditional)
                implements Plan { }
    }

    private final Optional<ParsedRule> parsed;

    private UpgradeRule(Optional<ParsedRule> parsed) {
        this.parsed = parsed;
    }

    static UpgradeRule of(String text) {
        try {
            return new UpgradeRule(Optional.of(Rules.parse(text, RuleKind.UPGRADE)));
        } catch (RuntimeException e) { // RuleSyntaxException, or a bug: the device keeps running either way
            return new UpgradeRule(Optional.empty());
        }
    }

    /**
     * @param attempt   1 for a first attempt, 2 for a retry: {@code $UPGST} (SPEC §15.26)
     * @param vars      the device's variables with SA..SD
     * @param effective the URL as logs and loop protection show it (DHCP server for a missing host)
     */
    Plan plan(int attempt, Map<String, String> vars, Function<RuleUrl, String> effective) {
        if (parsed.isEmpty()) {
            return new Plan.Bad();
        }
        RuleOutcome o = Rules.evaluate(parsed.get(), EngineVariables.of(withUpgst(vars, attempt)));
        return switch (o) {
            case RuleOutcome.Skipped s -> new Plan.Nothing(Map.of());
            case RuleOutcome.BadRule b -> new Plan.Bad();
            case RuleOutcome.Selected s when s.url().isEmpty() -> new Plan.Nothing(s.assignments());
            case RuleOutcome.Selected s -> new Plan.Fetch(s.url().get(),
                    attempt == 1 ? effective.apply(s.url().get()) : firstAttemptUrl(vars, effective),
                    s.assignments(), s.alternative(),
                    parsed.get().rule().alternatives().get(s.alternative()).condition().isPresent());
        };
    }

    private String firstAttemptUrl(Map<String, String> vars, Function<RuleUrl, String> effective) {
        return Rules.evaluate(parsed.orElseThrow(), EngineVariables.of(withUpgst(vars, 1))) instanceof RuleOutcome.Selected s
                ? s.url().map(effective).orElse("") : "";
    }

    /**
     * SPEC §6.6 loop protection: with the new load running, the same conditional alternative must
     * not hold again (else the device would upgrade for ever).
     */
    boolean holdsAgain(Plan.Fetch f, Map<String, String> vars, String newVersion) {
        if (!f.conditional() || parsed.isEmpty()) {
            return false;
        }
        Map<String, String> after = new java.util.HashMap<>(vars);
        after.put("SWVER", newVersion);
        return Rules.evaluate(parsed.get(), EngineVariables.of(after)) instanceof RuleOutcome.Selected again
                && again.alternative() == f.alternative();
    }

    /** Why {@code img} may not be installed on {@code model}: the $ERR, or empty when it may. */
    static Optional<String> refusal(FirmwareImage img, String model, String downgradeRevLimit) {
        if (!img.model().equalsIgnoreCase(model)) {
            return Optional.of("wrong model");
        }
        String limit = downgradeRevLimit.trim();
        if (!limit.isEmpty() && compareVersions(img.version(), limit) < 0) {
            return Optional.of("upgrade rejected by Downgrade_Rev_Limit");
        }
        return Optional.empty();
    }

    /** Version order of SPEC §15.7; 0 when either side is not a version. */
    private static int compareVersions(String a, String b) {
        Optional<Version> x = Version.tryParse(a);
        Optional<Version> y = Version.tryParse(b);
        return x.isPresent() && y.isPresent() ? x.get().compareTo(y.get()) : 0;
    }

    private static Map<String, String> withUpgst(Map<String, String> vars, int attempt) {
        Map<String, String> v = new java.util.HashMap<>(vars);
        v.put("UPGST", Integer.toString(attempt));
        return v;
    }
}
