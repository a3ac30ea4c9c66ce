package org.spaprov.server.feedback.syslog;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets for syslog lines: one per source address ({@code perAddress} lines per second, bursts of
 * as many again) and one for all ({@code total}). At most {@value #MAX_ADDRESSES} addresses are tracked; when
 * more send at once the table starts again (the total bucket still bounds the work). Time from the clock.
 * Thread-safe.
 */
final class SyslogRate {
    static final int MAX_ADDRESSES = 10_000;

    private final Clock clock;
    private final int perAddress;
    private final Bucket all;
    private final ConcurrentHashMap<String, Bucket> byAddress = new ConcurrentHashMap<>();

    SyslogRate(Clock clock, int perAddress, int total) {
        this.clock = clock;
        this.perAddress = perAddress;
        this.all = new Bucket(total, clock.millis());
    }

    /** Whether a line from {@code address} may be taken now (uses a token from both buckets when yes). */
    boolean admit(String address) {
        long now = clock.millis();
        if (byAddress.size() >= MAX_ADDRESSES && !byAddress.containsKey(address)) {
            byAddress.clear();
        }
        Bucket b = byAddress.computeIfAbsent(address, a -> new Bucket(perAddress, now));
        synchronized (this) {
            if (!b.has(now) || !all.has(now)) {
                return false;
            }
            b.take();
            all.take();
            return true;
        }
    }

    /** {@code rate} tokens per second, holding at most {@code 2 * rate}. */
    private static final class Bucket {
        private final int rate;
        private double tokens;
        private long at;

        Bucket(int rate, long now) {
            this.rate = rate;
            this.tokens = 2.0 * rate;
            this.at = now;
        }

        boolean has(long now) {
            if (now > at) {
                tokens = Math.min(2.0 * rate, tokens + (now - at) * rate / 1000.0);
                at = now;
            }
            return tokens >= 1;
        }

        void take() {
            tokens -= 1;
        }
    }
}
