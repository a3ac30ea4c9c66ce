package org.spaprov.cli.profile;

import java.util.Map;
import org.spaprov.profile.validate.SyntaxCheck;
import org.spaprov.rules.RuleChecks;

/**
 * The extra value checks the CLI plugs into the validator, keyed by {@code ParamType.kind()}
 * ({@code rule}, {@code upgrade-rule}, {@code condition}, {@code schedule}): the rule language's
 * parsers, so a syntax error is reported at its column inside the value.
 */
public final class Checks {
    private Checks() {
    }

    /** The extra checks; never null, immutable. */
    public static Map<String, SyntaxCheck> extra() {
        return RuleChecks.checks();
    }
}
