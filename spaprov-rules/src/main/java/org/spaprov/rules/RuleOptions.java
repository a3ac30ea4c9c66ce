package org.spaprov.rules;

import java.util.Objects;
import java.util.Optional;

/**
 * The options of the chosen alternative (SPEC §6.4): the macro-expanded decryption key (with
 * {@code $SA}..{@code $SD} expanded), and the GPP letters {@code a}..{@code p} of {@code --post}
 * and {@code --alias}. {@link #toString()} hides the key.
 */
public record RuleOptions(Optional<String> key, Optional<Character> post, Optional<Character> alias) {
    /** No options. */
    public static final RuleOptions NONE = new RuleOptions(Optional.empty(), Optional.empty(), Optional.empty());

    public RuleOptions {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(alias, "alias");
    }

    @Override
    public String toString() {
        return "RuleOptions[key=" + (key.isPresent() ? "***" : "none") + ", post=" + post.orElse('-')
                + ", alias=" + alias.orElse('-') + "]";
    }
}
