package org.spaprov.device.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * A scheduler whose clock only moves when the test says so: {@link #advance} runs every task due
 * in the window, in time order (then submission order), on the calling thread. A year of hourly
 * resyncs takes milliseconds.
 *
 * <p>Not thread-safe beyond "tasks may schedule tasks": drive it from one test thread.
 */
public final class VirtualScheduler implements Scheduler {
    private final PriorityQueue<Job> queue = new PriorityQueue<>();
    private Instant now;
    private long seq;
    private long executed;

    public VirtualScheduler(Instant start) {
        this.now = start;
    }

    public VirtualScheduler() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Job j = new Job(now.plus(delay.isNegative() ? Duration.ZERO : delay), seq++, task);
        queue.add(j);
        return () -> j.cancelled = true;
    }

    /** Runs every task due up to now + {@code d}, advancing the clock to each task's time; returns tasks run. */
    public long advance(Duration d) {
        return advanceTo(now().plus(d));
    }

    /** Runs due tasks up to {@code t}, then sets the clock to {@code t}. */
    public long advanceTo(Instant t) {
        long before = executed;
        while (true) {
            Job j;
            synchronized (this) {
                j = queue.peek();
                if (j == null || j.at.isAfter(t)) {
                    now = t.isAfter(now) ? t : now;
                    return executed - before;
                }
                queue.poll();
                now = j.at.isAfter(now) ? j.at : now;
            }
            if (!j.cancelled) {
                executed++;
                j.task.run();
            }
        }
    }

    /** Runs tasks due now (including ones they schedule with no delay). */
    public long runDue() {
        return advance(Duration.ZERO);
    }

    /**
     * Advances task by task until {@code done} holds or {@code max} of virtual time has passed.
     *
     * @return true when {@code done} held
     */
    public boolean runUntil(BooleanSupplier done, Duration max) {
        Instant limit = now().plus(max);
        runDue();
        while (!done.getAsBoolean()) {
            Instant next;
            synchronized (this) {
                queue.removeIf(j -> j.cancelled);
                Job j = queue.peek();
                if (j == null || j.at.isAfter(limit)) {
                    now = limit;
                    return done.getAsBoolean();
                }
                next = j.at;
            }
            advanceTo(next);
        }
        return true;
    }

    /** Tasks still waiting (cancelled ones excluded). */
    public synchronized long pending() {
        return queue.stream().filter(j -> !j.cancelled).count();
    }

    private static final class Job implements Comparable<Job> {
        final Instant at;
        final long seq;
        final Runnable task;
        volatile boolean cancelled;

        Job(Instant at, long seq, Runnable task) {
            this.at = at;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public int compareTo(Job o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
