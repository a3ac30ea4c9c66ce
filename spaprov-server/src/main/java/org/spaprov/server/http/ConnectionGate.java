package org.spaprov.server.http;

import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Admits new HTTP/HTTPS connections under two caps ({@link HttpLimits#maxConnectionsPerAddress()} and
 * {@link HttpLimits#maxConnections()}), shared by every listener of a server. A connection over a cap is closed
 * before any handler sees it; connections already admitted (keep-alive devices) are never touched, and the admin
 * API is a different server with its own descriptors. Counts are released when the connection closes.
 * Thread-safe.
 */
public final class ConnectionGate {
    private final int perAddress;
    private final int total;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> byAddress = new ConcurrentHashMap<>();

    public ConnectionGate(HttpLimits limits) {
        this.perAddress = limits.maxConnectionsPerAddress();
        this.total = limits.maxConnections();
    }

    /** Counts {@code ch} in, or returns false (nothing counted) when a cap is reached. */
    boolean admit(Channel ch) {
        InetAddress a = ch.remoteAddress() instanceof InetSocketAddress s ? s.getAddress() : null;
        if (open.incrementAndGet() > total) {
            open.decrementAndGet();
            refused.incrementAndGet();
            return false;
        }
        if (a != null) {
            AtomicInteger n = byAddress.computeIfAbsent(a, k -> new AtomicInteger());
            if (n.incrementAndGet() > perAddress) {
                release(a);
                refused.incrementAndGet();
                return false;
            }
        }
        ch.closeFuture().addListener(f -> release(a));
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
}
