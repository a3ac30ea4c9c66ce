package org.spaprov.server.provision;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Rate-limits the log lines of failed requests: per source address and status, the first line of
 * each minute (of the injected clock) is written, the rest of that minute only counted; the next
 * line written says how many were left out. A flood of 404s costs one log line per address and
 * minute, while the event store still counts every request. At most {@link #MAX_KEYS} addresses are
 * tracked per minute; beyond, lines are left out and counted under one key. Thread-safe.
 */
final class RefusalLog {
    static final int MAX_KEYS = 10_000;

    private record Key(String address, int status) {
    }

    private final Clock clock;
    private final Map<Key, AtomicInteger> seen = new ConcurrentHashMap<>();
    private final Map<Key, Integer> leftOut = new ConcurrentHashMap<>();
    private volatile long minute = Long.MIN_VALUE;

    RefusalLog(Clock clock) {
        this.clock = clock;
    }

    /**
     * Calls {@code line} with a suffix ({@code ""}, or {@code " (N like it left out)"}) when this
     * address and status may log now; otherwise counts it.
     */
    void log(String address, int status, Consumer<String> line) {
        long m = Math.floorDiv(clock.instant().getEpochSecond(), 60);
        if (m != minute) {
            synchronized (this) {
                if (m != minute) {
                    seen.forEach((k, n) -> {
                        if (n.get() > 1) {
                            leftOut.merge(k, n.get() - 1, Integer::sum);
                        }
                    });
                    seen.clear();
                    minute = m;
                    if (leftOut.size() > MAX_KEYS) {
                        leftOut.clear();
                    }
                }
            }
        }
        Key k = seen.size() < MAX_KEYS ? new Key(address, status) : new Key("*", status);
        int n = seen.computeIfAbsent(k, x -> new AtomicInteger()).incrementAndGet();
        if (n == 1) {
            Integer before = leftOut.remove(k);
            line.accept(before == null ? "" : " (" + before + " like it left out)");
        }
    }
}
