package org.spaprov.device;

import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of a device's $-variables (SPEC §4.3), by name without the {@code $}:
 * {@code A}..{@code P}, {@code MA}, {@code MAU}, {@code MAC}, {@code PN}, {@code PSN}, {@code SN},
 * {@code SWVER}, {@code HWVER}, {@code CCERT}, {@code IP}, {@code EXTIP}, {@code PRVST}, {@code UPGST},
 * {@code UPGERR}, {@code PRVTMR}, {@code UPGTMR}, {@code REGTMR1/2}, {@code UPGCOND}, {@code SCHEME},
 * {@code METH}, {@code SERV}, {@code SERVIP}, {@code PORT}, {@code PATH}, {@code ERR}, {@code UID1/2},
 * {@code ISCUST}. {@code SA}..{@code SD} are not in it (they only expand inside {@code --key}).
 *
 * <p>It is the device's {@link org.spaprov.rules.Variables}; {@link #asMap()} gives the raw map.
 */
public record DeviceVariables(Map<String, String> asMap) implements org.spaprov.rules.Variables {
    public DeviceVariables {
        asMap = Map.copyOf(asMap);
    }

    /** The value of {@code name} (case-sensitive), if the device knows it. */
    @Override
    public Optional<String> get(String name) {
        return Optional.ofNullable(asMap.get(name));
    }

    /** The value of {@code name}, or the empty string. */
    public String getOrEmpty(String name) {
        return asMap.getOrDefault(name, "");
    }
}
