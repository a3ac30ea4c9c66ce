package org.spaprov.device.engine;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.spaprov.device.state.StateStore;

/**
 * What a device runs on: its clock and timers, its dice (Resync_Random_Delay, the random parts of
 * schedules) and its flash. A fleet shares the scheduler; random and store are per device.
 */
public record Platform(Scheduler scheduler, RandomGenerator random, StateStore store) {
    public Platform {
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(store, "store");
    }
}
