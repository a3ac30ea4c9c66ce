package org.spaprov.server.http;

import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Admits new HTTP/HTTPS connections under two caps ({@link HttpLimits#maxConnectionsPerAddress()} and
 * {@link HttpLimits#maxConnections()}), shared by every listener of a server. A connection over the per-address
 * cap is closed before any handler sees it. At the total cap, the connection that has waited longest without
 * sending its first request head (at least {@link #MIN_WAIT_NANOS}: a slowloris, or a TLS handshake that never
 * ends) is closed to make room, so attackers spread over many addresses cannot lock devices out until the head
 * deadline frees them; only when no connection is waiting is the newcomer refused. Connections that have sent a
 * request (keep-alive devices) are never touched, and the admin API is a different server with its own
 * descriptors. Counts are released when the connection closes. Thread-safe.
 */
public final class ConnectionGate {
    /** How long a connection must have waited for its first request head before it may be evicted. */
    static final long MIN_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final int perAddress;
    private final int total;
    private final LongSupplier nanos;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong evicted = new AtomicLong();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> byAddress = new ConcurrentHashMap<>();
    /** Admitted connections that have not sent a complete request head yet, with when they were admitted. */
    private final ConcurrentHashMap<Channel, Long> waiting = new ConcurrentHashMap<>();

    public ConnectionGate(HttpLimits limits) {
        this(limits, System::nanoTime);
    }

    ConnectionGate(HttpLimits limits, LongSupplier nanos) {
        this.perAddress = limits.maxConnectionsPerAddress();
        this.total = limits.maxConnections();
        this.nanos = nanos;
    }

    /** Counts {@code ch} in, or returns false (nothing counted) when a cap is reached. */
    boolean admit(Channel ch) {
        InetAddress a = ch.remoteAddress() instanceof InetSocketAddress s ? s.getAddress() : null;
        if (open.incrementAndGet() > total) {
            // The evicted connection's count is released when it has closed: until then we are one over.
            if (!evictLongestWaiting()) {
                open.decrementAndGet();
                refused.incrementAndGet();
                return false;
            }
        }
        if (a != null) {
            AtomicInteger n = byAddress.computeIfAbsent(a, k -> new AtomicInteger());
            if (n.incrementAndGet() > perAddress) {
                release(a);
                refused.incrementAndGet();
                return false;
            }
        }
        waiting.put(ch, nanos.getAsLong());
        ch.closeFuture().addListener(f -> {
            waiting.remove(ch);
            release(a);
        });
        return true;
    }

    /** {@code ch} delivered a request head: a client, never evicted. */
    void headSeen(Channel ch) {
        waiting.remove(ch);
    }

    /** Scans the waiting connections (only at the cap, so at most a cap's worth) and closes the oldest. */
    private boolean evictLongestWaiting() {
        Channel oldest = null;
        long since = Long.MAX_VALUE;
        for (Map.Entry<Channel, Long> e : waiting.entrySet()) {
            if (e.getValue() < since) {
                since = e.getValue();
                oldest = e.getKey();
            }
        }
        if (oldest == null || nanos.getAsLong() - since < MIN_WAIT_NANOS || waiting.remove(oldest) == null) {
            return false;
        }
        oldest.close();
        evicted.incrementAndGet();
        return true;
    }

    private void release(InetAddress a) {
        open.decrementAndGet();
        if (a != null) {
            byAddress.computeIfPresent(a, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
        }
    }

    /** Connections admitted and still open. */
    public int open() {
        return open.get();
    }

    /** Connections closed at once because a cap was reached, since start. */
    public long refused() {
        return refused.get();
    }

    /** Connections closed at the total cap because they had sent no request head, since start. */
    public long evicted() {
        return evicted.get();
    }
}
