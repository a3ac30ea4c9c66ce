package org.spaprov.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.spaprov.profile.Mac;

/**
 * The current values of the macro variables (SPEC §4.3), looked up by name without the {@code $}
 * ({@code A}, {@code MAU}, {@code SWVER}). The device supplies its own implementation; tools build
 * one with {@link #of(Map)} or {@link #builder()}. Implementations must be thread-safe for reads
 * and return quickly; a name they do not know gives {@link Optional#empty()}.
 */
@FunctionalInterface
public interface Variables {
    /** The value of {@code name} (case-sensitive), or empty when not supplied. */
    Optional<String> get(String name);

    /** No variables at all. */
    static Variables empty() {
        return name -> Optional.empty();
    }

    /** A snapshot of {@code values} (names without {@code $}). */
    static Variables of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return name -> Optional.ofNullable(copy.get(name));
    }

    /** These variables, with {@code name} set to {@code value}. */
    default Variables with(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        return n -> n.equals(name) ? Optional.of(value) : get(n);
    }

    /** A builder for tools and tests. */
    static Builder builder() {
        return new Builder();
    }

    /** Collects variables from a MAC address, device parameters and direct settings. */
    final class Builder {
        private final Map<String, String> values = new HashMap<>();

        private Builder() {
        }

        /**
         * Sets {@code MA}, {@code MAU} and {@code MAC} from a MAC address in any spelling {@link Mac} reads.
         *
         * @throws IllegalArgumentException when it is not a MAC address
         */
        public Builder mac(String mac) {
            Mac m = Mac.parse(mac);
            values.put("MA", m.hex());
            values.put("MAU", m.upper());
            values.put("MAC", m.colons());
            return this;
        }

        /**
         * Sets the variable a device parameter feeds ({@code GPP_A=x} sets {@code A}).
         *
         * @throws IllegalArgumentException when the parameter feeds no variable
         */
        public Builder param(String xmlName, String value) {
            String name = VariableNames.forParam(xmlName).orElseThrow(() -> new IllegalArgumentException(
                    "parameter " + xmlName + " feeds no macro variable (only GPP_A..GPP_P, GPP_SA..GPP_SD, "
                            + "User_ID_1_, User_ID_2_ do)"));
            values.put(name, Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets a variable directly ({@code SWVER=2.0.6}). */
        public Builder set(String name, String value) {
            values.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Variables build() {
            return Variables.of(values);
        }
    }
}
