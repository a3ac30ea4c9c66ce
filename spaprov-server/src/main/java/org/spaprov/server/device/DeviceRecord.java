package org.spaprov.server.device;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.spaprov.profile.Mac;

/**
 * One device of the inventory, from {@code devices.csv} or the store. Immutable.
 *
 * @param mac    12 lower-case hex digits ({@link Mac#hex()}: the form of file names, the store and events)
 * @param model  catalog model ({@code spa2102})
 * @param serial serial number, when known
 * @param groups group layers in the order they apply
 * @param key    the AES pass phrase of its profiles (a secret: never logged)
 * @param vars   server-side variables for Pebble ({@code {{ device.vars.sip_password }}}); may hold secrets
 * @param source where the record comes from
 */
public record DeviceRecord(String mac, String model, Optional<String> serial, List<String> groups,
        Optional<String> key, Map<String, String> vars, Source source) {
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
        if (!Mac.isCanonical(mac)) {
            throw new IllegalArgumentException("MAC must be 12 lower-case hex digits");
        }
        Objects.requireNonNull(model, "model");
        serial = serial == null ? Optional.empty() : serial;
        groups = List.copyOf(groups);
        key = key == null ? Optional.empty() : key;
        vars = Map.copyOf(vars);
        Objects.requireNonNull(source, "source");
    }

    /** Keeps secrets out of logs. */
    @Override
    public String toString() {
        return "DeviceRecord[" + mac + ", " + model + ", groups=" + groups + ", key=" + (key.isPresent() ? "***" : "none")
                + ", vars=" + vars.keySet() + ", " + source + "]";
    }
}
