package org.spaprov.device.engine;

import java.time.Duration;
import java.util.EnumMap;

/**
 * The timers of one device and the boots they belong to. At most one timer of each {@link Kind}
 * is armed (SPEC §15.26): arming a kind cancels the timer armed before it, so a schedule can never
 * run twice in parallel. A timer, or work queued for after a boot, runs on the device's executor
 * only if the device has not rebooted since it was armed. Used on the device's executor only.
 */
final class Timers {
    /** The kinds of timer a device arms. */
    enum Kind { BOOT, PERIODIC, ERROR, UPGRADE, TRIGGER, FORCED }

    private final Scheduler scheduler;
    private final SerialExecutor executor;
    private final EnumMap<Kind, Scheduler.Cancellable> armed = new EnumMap<>(Kind.class);
    private volatile long generation;

    Timers(Scheduler scheduler, SerialExecutor executor) {
        this.scheduler = scheduler;
        this.executor = executor;
    }

    /** A boot: every timer is cancelled, and whatever the previous boot armed or queued will not run. */
    void newBoot() {
        generation++;
        for (Kind k : Kind.values()) {
            cancel(k);
        }
    }

    /** The number of the current boot, to tell whether work outlived it. */
    long generation() {
        return generation;
    }

    /** Arms the timer of {@code kind}, replacing the one before: {@code task} runs unless the device rebooted meanwhile. */
    void arm(Kind kind, Duration delay, Runnable task) {
        Scheduler.Cancellable timer = scheduler.schedule(delay, new TimerFired(new SameBootOnly(generation, task)));
        cancel(kind);
        armed.put(kind, timer);
    }

    /** Arms the timer of {@code kind} as {@link #arm(Kind, Duration, Runnable)}, or cancels it when {@code delay} is empty. */
    void arm(Kind kind, java.util.Optional<Duration> delay, Runnable task) {
        delay.ifPresentOrElse(d -> arm(kind, d, task), () -> cancel(kind));
    }

    /** Queues {@code task} on the executor for this boot only. */
    void queue(Runnable task) {
        executor.execute(new SameBootOnly(generation, task));
    }

    /** Whether a timer of {@code kind} was armed and not cancelled since (it may have fired). */
    boolean isArmed(Kind kind) {
        return armed.containsKey(kind);
    }

    void cancel(Kind kind) {
        Scheduler.Cancellable c = armed.remove(kind);
        if (c != null) {
            c.cancel();
        }
    }

    /** The timers that start a resync: a new resync request replaces them all. */
    void cancelResync() {
        cancel(Kind.BOOT);
        cancel(Kind.PERIODIC);
        cancel(Kind.ERROR);
    }

    /** Runs on the scheduler's thread when a timer fires: hands the job to the device's executor. */
    private final class TimerFired implements Runnable {
        private final SameBootOnly job;

        TimerFired(SameBootOnly job) {
            this.job = job;
        }

        @Override
        public void run() {
            executor.execute(job);
        }

        @Override
        public String toString() {
            return job.toString();
        }
    }

    /** Runs on the device's executor: the task, unless the device has rebooted since it was queued or armed. */
    private final class SameBootOnly implements Runnable {
        private final long armedIn;
        private final Runnable task;

        SameBootOnly(long armedIn, Runnable task) {
            this.armedIn = armedIn;
            this.task = task;
        }

        @Override
        public void run() {
            if (armedIn == generation) {
                task.run();
            }
        }

        @Override
        public String toString() {
            return task.getClass().getSimpleName();
        }
    }
}
