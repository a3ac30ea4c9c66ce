package org.spaprov.device.engine;

import java.util.Map;
import java.util.Optional;

/** The outcome of evaluating one rule parameter. */
public sealed interface RuleChoice {
    /** Empty, commented out, or every alternative's condition false: counts as success (SPEC §6.2). */
    record Skipped() implements RuleChoice { }

    /**
     * The chosen alternative.
     *
     * @param alternative 0-based index of the alternative
     * @param conditional true when that alternative has a condition (for upgrade loop protection)
     * @param assignments XML name → macro-expanded value, in order
     * @param key         the expanded {@code --key} argument
     * @param post        the GPP letter (upper case) of {@code --post}
     * @param alias       the GPP letter (upper case) of {@code --alias}
     * @param url         the URL, macro-expanded and parsed
     */
    record Selected(int alternative, boolean conditional, Map<String, String> assignments, Optional<String> key,
                    Optional<Character> post, Optional<Character> alias, Optional<RuleTarget> url)
            implements RuleChoice {
        public Selected {
            assignments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(assignments));
        }
    }

    /** A rule that cannot be parsed; fails the resync with {@code $ERR} = {@code bad url}. */
    record BadRule(String message) implements RuleChoice { }
}
