package org.spaprov.rules.expr;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code |}-separated alternative: {@code [( cond )?] [( assignments )!] [[options] url]}
 * (SPEC §6.1). {@code assignments} is present when the text had a {@code ( … )!} block, even an
 * empty one; options are only allowed together with a URL. The URL is the text before expansion.
 */
public record Alternative(Optional<Condition> condition, Optional<List<Assignment>> assignments,
                          List<RuleOption> options, Optional<String> url) {
    public Alternative {
        Objects.requireNonNull(condition, "condition");
        assignments = assignments.map(List::copyOf);
        options = List.copyOf(options);
        Objects.requireNonNull(url, "url");
        if (!options.isEmpty() && url.isEmpty()) {
            throw new IllegalArgumentException("options need a URL");
        }
        if (condition.isEmpty() && assignments.isEmpty() && url.isEmpty()) {
            throw new IllegalArgumentException("an alternative is not empty");
        }
    }
}
