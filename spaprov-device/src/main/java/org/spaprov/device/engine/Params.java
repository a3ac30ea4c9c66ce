package org.spaprov.device.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.spaprov.device.state.DeviceModel;
import org.spaprov.device.state.PersistentState;
import org.spaprov.rules.Schedule;

/** Reads one device's current parameter values (catalog default when never set), never null. */
final class Params {
    private final DeviceModel model;
    private final Supplier<PersistentState> state;

    Params(DeviceModel model, Supplier<PersistentState> state) {
        this.model = model;
        this.state = state;
    }

    String get(String name) {
        return state.get().params().value(model, name);
    }

    /** A Bool parameter: {@code Yes} in any case. */
    boolean yes(String name) {
        return get(name).trim().equalsIgnoreCase("yes");
    }

    /** A number parameter (decimal or {@code 0x} hex); 0 when it is not a number. */
    long number(String name) {
        String v = get(name).trim();
        try {
            return v.startsWith("0x") || v.startsWith("0X") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Element {@code index} of the schedule in parameter {@code name} (SPEC §7.3; the last element
     * repeats, random parts drawn from {@code random}), or empty when it is disabled (empty,
     * {@code 0}, or invalid).
     */
    Optional<Duration> delay(RandomGenerator random, String name, int index) {
        Schedule s = Schedule.parseOrDisabled(get(name));
        return s.disabled() ? Optional.empty() : Optional.of(Duration.ofSeconds(s.delaySeconds(Math.max(0, index), random)));
    }
}
