package org.spaprov.server.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Campaign pacing without a network: one push at a time per source address, every job recorded once. */
class CampaignRunTest {
    record Job(String key, int n, boolean free) {
    }

    @Test
    void devicesBehindOneAddressAreNeverPushedAtOnceAndEveryOneIsRecorded() throws Exception {
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // 10 "NATs" of 20 devices, 100 devices alone, and a few that send nothing
            jobs.add(new Job(i < 200 ? "nat-" + (i % 10) : "dev-" + i, i, i % 50 == 7));
        }
        Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        AtomicInteger worstPerKey = new AtomicInteger();
        AtomicInteger worstOverall = new AtomicInteger();
        AtomicInteger overall = new AtomicInteger();
        List<Integer> recorded = new CopyOnWriteArrayList<>();
        CountDownLatch otherStarted = new CountDownLatch(1);
        ExecutorService devices = Executors.newFixedThreadPool(8);
        try {
            new CampaignRun<Job>(Job::key, j -> j.free() ? 1 : 0, 100_000).run(jobs, j -> {
                int now = inFlight.computeIfAbsent(j.key(), k -> new AtomicInteger()).incrementAndGet();
                worstPerKey.accumulateAndGet(now, Math::max);
                worstOverall.accumulateAndGet(overall.incrementAndGet(), Math::max);
                if (!j.key().equals("nat-0")) {
                    otherStarted.countDown();
                }
                return CompletableFuture.supplyAsync(() -> {
                    if (j.n() == 0) {
                        // the first device holds its answer until a device behind another address was pushed
                        try {
                            otherStarted.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    // the device answers a little later, on another thread
                    for (int spin = ThreadLocalRandom.current().nextInt(2000); spin > 0; spin--) {
                        Thread.onSpinWait();
                    }
                    overall.decrementAndGet();
                    inFlight.get(j.key()).decrementAndGet();
                    return "ok " + j.n();
                }, devices);
            }, (j, o) -> {
                assertThat(o).isEqualTo("ok " + j.n());
                recorded.add(j.n());
            });
        } finally {
            devices.shutdown();
            assertThat(devices.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(recorded).hasSize(300).doesNotHaveDuplicates();
        assertThat(worstPerKey.get()).as("pushes in flight to one address").isEqualTo(1);
        assertThat(worstOverall.get()).as("different addresses are pushed side by side").isGreaterThan(1);
    }

    @Test
    void anEmptyCampaignEndsAtOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        new CampaignRun<Job>(Job::key, j -> 0, 1).run(List.of(), j -> {
            calls.incrementAndGet();
            return CompletableFuture.completedFuture("x");
        }, (j, o) -> calls.incrementAndGet());
        assertThat(calls).hasValue(0);
    }
}
