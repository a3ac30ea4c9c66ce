package org.spaprov.rules;

import java.util.Map;
import org.spaprov.profile.validate.SyntaxCheck;

/**
 * The syntax checks the profile validator plugs in by {@code ParamType.kind()}: {@code rule}
 * (Profile_Rule*), {@code upgrade-rule}, {@code report-rule}, {@code condition} (Resync_Trigger_n)
 * and {@code schedule}. Each gives the 0-based column of the first error.
 */
public final class RuleChecks {
    private static final Map<String, SyntaxCheck> CHECKS = Map.of(
            "rule", v -> Rules.check(v, RuleKind.PROFILE),
            "upgrade-rule", v -> Rules.check(v, RuleKind.UPGRADE),
            "report-rule", v -> Rules.check(v, RuleKind.REPORT),
            "condition", Conditions::check,
            "schedule", Schedule::check);

    private RuleChecks() {
    }

    /** Immutable map from parameter kind to its check. */
    public static Map<String, SyntaxCheck> checks() {
        return CHECKS;
    }
}
