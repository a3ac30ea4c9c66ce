package org.spaprov.server.push;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The pacing of one campaign, apart from any network: jobs are grouped by source address; the first
 * job of every address is ready at once and each next one when the one before it has its outcome, so
 * devices behind one NAT are never pushed at the same time; sends are spaced so that at most
 * {@code rate} leave per second (jobs that send nothing — {@code free} — take no slot).
 * {@link #run} returns once every job has its outcome. One use per campaign.
 *
 * @param <J> a job
 */
final class CampaignRun<J> {
    private final Function<J, String> sourceKey;
    private final ToIntFunction<J> free;
    private final int rate;

    /**
     * @param sourceKey the source address (or another key) of a job: one job per key at a time
     * @param free      1 when the job sends nothing (it takes no rate slot), else 0
     * @param rate      sends per second, at least 1
     */
    CampaignRun(Function<J, String> sourceKey, ToIntFunction<J> free, int rate) {
        if (rate < 1) {
            throw new IllegalArgumentException("rate must be at least 1");
        }
        this.sourceKey = sourceKey;
        this.free = free;
        this.rate = rate;
    }

    /**
     * Pushes every job through {@code push} and hands each outcome to {@code record} (on the thread that
     * completed the push), in the order above.
     *
     * @throws InterruptedException when interrupted while waiting; jobs in flight still complete
     */
    <O> void run(List<J> jobs, Function<J, CompletableFuture<O>> push, BiConsumer<J, O> record)
            throws InterruptedException {
        Map<String, Deque<J>> byKey = new LinkedHashMap<>();
        for (J j : jobs) {
            byKey.computeIfAbsent(sourceKey.apply(j), k -> new ArrayDeque<>()).add(j);
        }
        LinkedBlockingQueue<J> ready = new LinkedBlockingQueue<>();
        byKey.values().forEach(q -> ready.add(q.poll()));
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        Object lock = new Object();
        int[] finished = {0};
        for (int sent = 0; sent < jobs.size(); sent++) {
            J j = ready.take();
            if (free.applyAsInt(j) == 0) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait); // pacing, not synchronisation: at most `rate` sends per second
                }
                next = Math.max(next, System.nanoTime()) + interval;
            }
            push.apply(j).whenComplete((o, e) -> {
                try {
                    record.accept(j, o);
                } finally {
                    Deque<J> q = byKey.get(sourceKey.apply(j));
                    J following;
                    synchronized (q) {
                        following = q.poll();
                    }
                    if (following != null) {
                        ready.add(following);
                    }
                    synchronized (lock) {
                        finished[0]++;
                        lock.notifyAll();
                    }
                }
            });
        }
        synchronized (lock) {
            while (finished[0] < jobs.size()) {
                lock.wait();
            }
        }
    }
}
