package org.spaprov.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What evaluating a rule gives (SPEC §6.2): {@link Skipped} (empty, commented out, or every
 * condition false; counts as success), {@link Selected} (the first alternative whose condition
 * holds), or {@link BadRule} (malformed; the device logs it and the rule fails).
 */
public sealed interface RuleOutcome {
    /** Nothing to do: the rule is empty or no condition held. */
    record Skipped() implements RuleOutcome {
    }

    /**
     * Alternative {@code alternative} (0-based) was chosen: its assignments (XML names → expanded
     * values, in order; later duplicates win), options, and URL when it has one.
     */
    record Selected(int alternative, Map<String, String> assignments, RuleOptions options,
                    Optional<RuleUrl> url) implements RuleOutcome {
        public Selected {
            assignments = Collections.unmodifiableMap(new LinkedHashMap<>(assignments));
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(url, "url");
        }

        /** Names the assigned parameters but not their values, which may be secrets. */
        @Override
        public String toString() {
            return "Selected[alternative=" + alternative + ", assigned=" + assignments.keySet() + ", options=" + options
                    + ", url=" + url.map(RuleUrl::toString).orElse("none") + "]";
        }
    }

    /** The rule is malformed at {@code column} (0-based offset in the rule text). */
    record BadRule(int column, String message) implements RuleOutcome {
        public BadRule {
            Objects.requireNonNull(message, "message");
        }
    }
}
