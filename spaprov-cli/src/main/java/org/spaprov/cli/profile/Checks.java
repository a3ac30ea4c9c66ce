package org.spaprov.cli.profile;

import java.util.Map;
import org.spaprov.profile.validate.SyntaxCheck;

/**
 * The extra value checks the CLI plugs into the validator, keyed by {@code ParamType.kind()}
 * ({@code rule}, {@code upgrade-rule}, {@code condition}, {@code schedule}). Empty until the rules
 * module supplies {@code RuleChecks.checks()}; the validator then adds their findings with the
 * column inside the value.
 */
public final class Checks {
    private Checks() {
    }

    /** The extra checks; never null, immutable. */
    public static Map<String, SyntaxCheck> extra() {
        return Map.of();
    }
}
