package org.spaprov.device.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * Time and timers for devices: {@link VirtualScheduler} in tests (years in milliseconds),
 * {@link RealTimeScheduler} for the CLI and fleets (optionally compressed time).
 *
 * <p>Tasks may run on any thread; a device serialises its own work ({@link SerialExecutor}).
 */
public interface Scheduler {
    /** The current (possibly virtual) time. */
    Instant now();

    /** Runs {@code task} once after {@code delay} of this scheduler's time. */
    Cancellable schedule(Duration delay, Runnable task);

    /** Runs {@code task} as soon as possible. */
    default void execute(Runnable task) {
        schedule(Duration.ZERO, task);
    }

    /** A scheduled task that can be called off. */
    @FunctionalInterface
    interface Cancellable {
        Cancellable NONE = () -> { };

        /** Prevents the task from running if it has not started; idempotent. */
        void cancel();
    }
}
