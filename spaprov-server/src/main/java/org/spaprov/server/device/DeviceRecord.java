package org.spaprov.server.device;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One device of the inventory, from {@code devices.csv} or the store. Immutable.
 *
 * @param mac    12 lower-case hex digits
 * @param model  catalog model ({@code spa2102})
 * @param serial serial number, when known
 * @param groups group layers in the order they apply
 * @param key    the AES pass phrase of its profiles (a secret: never logged)
 * @param vars   server-side variables for Pebble ({@code {{ device.vars.sip_password }}}); may hold secrets
 * @param source where the record comes from
 */
public record DeviceRecord(String mac, String model, Optional<String> serial, List<String> groups,
        Optional<String> key, Map<String, String> vars, Source source) {
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{12}");

    /** Where a device record comes from. */
    public enum Source {
        /** {@code devices.csv} in the site. */
        SITE,
        /** Added through the API. */
        API,
        /** Added by the {@code auto-add} unknown-device policy. */
        AUTO
    }

    public DeviceRecord {
        Objects.requireNonNull(mac, "mac");
        if (!MAC.matcher(mac).matches()) {
            throw new IllegalArgumentException("MAC must be 12 lower-case hex digits");
        }
        Objects.requireNonNull(model, "model");
        serial = serial == null ? Optional.empty() : serial;
        groups = List.copyOf(groups);
        key = key == null ? Optional.empty() : key;
        vars = Map.copyOf(vars);
        Objects.requireNonNull(source, "source");
    }

    /** True when {@code s} is 12 lower-case hex digits. */
    public static boolean isMac(String s) {
        return s != null && MAC.matcher(s).matches();
    }

    /**
     * A MAC in canonical form (12 lower-case hex digits) from {@code 00:0E:08:AA:BB:CC},
     * {@code 000E08AABBCC}, {@code 00-0e-08-aa-bb-cc}; empty when it is not one.
     */
    public static Optional<String> normalizeMac(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String m = s.trim().toLowerCase(java.util.Locale.ROOT);
        if (m.length() == 17) {
            m = m.replace(":", "").replace("-", "");
        }
        return MAC.matcher(m).matches() ? Optional.of(m) : Optional.empty();
    }

    /** Keeps secrets out of logs. */
    @Override
    public String toString() {
        return "DeviceRecord[" + mac + ", " + model + ", groups=" + groups + ", key=" + (key.isPresent() ? "***" : "none")
                + ", vars=" + vars.keySet() + ", " + source + "]";
    }
}
