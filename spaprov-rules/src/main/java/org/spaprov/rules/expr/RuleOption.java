package org.spaprov.rules.expr;

import java.util.Objects;

/** One option inside {@code [ … ]} before a URL (SPEC §6.4). */
public sealed interface RuleOption {
    /** The option name as written ({@code --key}). */
    String flag();

    /** {@code --key k}: a decryption key, bare or double-quoted; {@code $SA}..{@code $SD} expand here. */
    record Key(String arg) implements RuleOption {
        public Key {
            Objects.requireNonNull(arg, "arg");
            if (arg.isEmpty() || arg.indexOf('"') >= 0) {
                throw new IllegalArgumentException("a key is not empty and has no '\"'");
            }
        }

        @Override
        public String flag() {
            return "--key";
        }

        /** Hides the key: records print their fields and keys must not reach logs. */
        @Override
        public String toString() {
            return "Key[arg=***]";
        }
    }

    /** {@code --post x}: POST the macro-expanded contents of {@code GPP_X} (http/https only). */
    record Post(char letter) implements RuleOption {
        public Post {
            checkLetter(letter);
        }

        @Override
        public String flag() {
            return "--post";
        }
    }

    /** {@code --alias x}: remap element names with the alias map in {@code GPP_X}. */
    record Alias(char letter) implements RuleOption {
        public Alias {
            checkLetter(letter);
        }

        @Override
        public String flag() {
            return "--alias";
        }
    }

    private static void checkLetter(char letter) {
        if (letter < 'a' || letter > 'p') {
            throw new IllegalArgumentException("GPP letters are a..p");
        }
    }
}
