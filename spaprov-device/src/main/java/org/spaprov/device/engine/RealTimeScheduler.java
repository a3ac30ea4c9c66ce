package org.spaprov.device.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Wall-clock timers, optionally compressed: with {@code timeScale} 60, one device hour passes in
 * one real minute. One platform thread keeps the timers; every task runs on its own virtual
 * thread, so a fleet of 100,000 devices blocking in downloads costs no platform threads.
 */
public final class RealTimeScheduler implements Scheduler, AutoCloseable {
    private final ScheduledExecutorService timers;
    private final double timeScale;
    private final Instant start;
    private final long startNanos;

    /** Real time (scale 1). */
    public RealTimeScheduler() {
        this(1.0);
    }

    /** @param timeScale device seconds per real second, ≥ 1 */
    public RealTimeScheduler(double timeScale) {
        if (!(timeScale >= 1.0)) {
            throw new IllegalArgumentException("time scale must be >= 1, got " + timeScale);
        }
        this.timeScale = timeScale;
        this.start = Instant.now();
        this.startNanos = System.nanoTime();
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "spaprov-device-timers");
            t.setDaemon(true);
            return t;
        });
    }

    public double timeScale() {
        return timeScale;
    }

    @Override
    public Instant now() {
        long elapsed = System.nanoTime() - startNanos;
        return start.plusNanos((long) (elapsed * timeScale));
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        long realNanos = (long) (Math.max(0, delay.toNanos()) / timeScale);
        if (realNanos == 0) {
            execute(task);
            return Cancellable.NONE;
        }
        ScheduledFuture<?> f = timers.schedule(() -> execute(task), realNanos, TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public void execute(Runnable task) {
        Thread.ofVirtual().name("spaprov-device").start(task);
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
