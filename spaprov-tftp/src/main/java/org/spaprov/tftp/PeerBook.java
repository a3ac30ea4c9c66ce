package org.spaprov.tftp;

import java.net.InetAddress;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's accounting of what peers hold (package-private): transfer slots in total and per source address,
 * stalled transfers and recent refusals per address ({@link TftpServerConfig.PeerLimits}), and the bytes of all
 * uploads buffered. Thread-safe: each address's counters change inside {@link ConcurrentHashMap#compute}, so they
 * are atomic per address; an address with nothing held and no recent refusal has no entry, so the map is bounded
 * by the transfers running plus the addresses refused within one window.
 */
final class PeerBook {

    /**
     * Addresses remembered for their refusals alone, at most: spoofed sources could otherwise grow the map by one
     * entry per datagram within a window. Beyond, new addresses' refusals are not counted (their transfers are).
     */
    static final int MAX_REFUSING_ADDRESSES = 65_536;

    /** Why {@link #tryAcquire} said no, or that it said yes. */
    enum Admission { ADMITTED, SERVER_BUSY, ADDRESS_BUSY, ADDRESS_REFUSING }

    private final TftpServerConfig config;
    private final TftpServerConfig.PeerLimits limits;
    private final Clock clock;
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger stalled = new AtomicInteger();
    private final AtomicLong uploadBytes = new AtomicLong();
    private final ConcurrentHashMap<InetAddress, Peer> peers = new ConcurrentHashMap<>();
    private final long windowMillis;
    /** {@link Clock#millis()} of the last sweep of expired refusal-only entries. */
    private volatile long lastSweep;

    PeerBook(TftpServerConfig config, Clock clock) {
        this.config = config;
        this.limits = config.peers();
        this.clock = clock;
        this.windowMillis = limits.refusalWindow().toMillis();
        this.lastSweep = clock.millis();
    }

    /** One address's counters; only touched inside {@code peers.compute}. */
    private static final class Peer {
        int active;
        int stalled;
        int refusals;
        long windowStart;

        boolean empty(long now, long windowMillis) {
            return active == 0 && stalled == 0 && (refusals == 0 || now - windowStart >= windowMillis);
        }
    }

    /** Takes a transfer slot for {@code address}, unless it is refusing, at its own cap, or the server is full. */
    Admission tryAcquire(InetAddress address) {
        long now = clock.millis();
        Admission[] result = new Admission[1];
        peers.compute(address, (a, p) -> {
            Peer peer = p != null ? p : new Peer();
            if (refusing(peer, now)) {
                result[0] = Admission.ADDRESS_REFUSING;
            } else if (peer.active >= limits.transfersPerAddress()) {
                result[0] = Admission.ADDRESS_BUSY;
            } else if (active.incrementAndGet() > config.maxTransfers()) {
                active.decrementAndGet();
                result[0] = Admission.SERVER_BUSY;
            } else {
                peer.active++;
                result[0] = Admission.ADMITTED;
            }
            return peer.empty(now, windowMillis) ? null : peer;
        });
        return result[0];
    }

    /** Whether {@code address} asked for too many refused names within the current window. */
    boolean refusing(InetAddress address) {
        Peer p = peers.get(address);
        if (p == null) {
            return false;
        }
        long now = clock.millis();
        boolean[] result = new boolean[1];
        peers.computeIfPresent(address, (a, peer) -> {
            result[0] = refusing(peer, now);
            return peer.empty(now, windowMillis) ? null : peer;
        });
        return result[0];
    }

    private boolean refusing(Peer peer, long now) {
        return peer.refusals >= limits.refusalsPerAddress() && now - peer.windowStart < windowMillis;
    }

    /** Frees the slot {@link #tryAcquire} gave. */
    void release(InetAddress address) {
        active.decrementAndGet();
        long now = clock.millis();
        peers.computeIfPresent(address, (a, peer) -> {
            peer.active--;
            return peer.empty(now, windowMillis) ? null : peer;
        });
    }

    /** Counts a refused name (not found, not accepted, bad path) against {@code address}'s window. */
    void refused(InetAddress address) {
        long now = clock.millis();
        sweepNowAndThen(now);
        if (peers.size() >= MAX_REFUSING_ADDRESSES && !peers.containsKey(address)) {
            return;
        }
        peers.compute(address, (a, p) -> {
            Peer peer = p != null ? p : new Peer();
            if (now - peer.windowStart >= windowMillis) {
                peer.windowStart = now;
                peer.refusals = 0;
            }
            peer.refusals++;
            return peer;
        });
    }

    /**
     * Marks one of {@code address}'s transfers stalled; false (nothing marked) when the address already has
     * {@code stalledPerAddress} stalled transfers, and this one should be abandoned.
     */
    boolean tryStall(InetAddress address) {
        boolean[] result = new boolean[1];
        peers.computeIfPresent(address, (a, peer) -> {
            if (peer.stalled < limits.stalledPerAddress()) {
                peer.stalled++;
                stalled.incrementAndGet();
                result[0] = true;
            }
            return peer;
        });
        return result[0];
    }

    /** The stalled transfer moved again or ended. */
    void unstall(InetAddress address) {
        long now = clock.millis();
        stalled.decrementAndGet();
        peers.computeIfPresent(address, (a, peer) -> {
            peer.stalled--;
            return peer.empty(now, windowMillis) ? null : peer;
        });
    }

    /** Reserves {@code n} bytes of upload buffer; false when the total would pass {@code uploadBytesTotal}. */
    boolean reserveUpload(long n) {
        long cap = limits.uploadBytesTotal();
        while (true) {
            long now = uploadBytes.get();
            if (now + n > cap) {
                return false;
            }
            if (uploadBytes.compareAndSet(now, now + n)) {
                return true;
            }
        }
    }

    void releaseUpload(long n) {
        uploadBytes.addAndGet(-n);
    }

    int active() {
        return active.get();
    }

    int stalled() {
        return stalled.get();
    }

    long uploadBytes() {
        return uploadBytes.get();
    }

    /** Transfers running for {@code address}. */
    int active(InetAddress address) {
        Peer p = peers.get(address);
        return p == null ? 0 : p.active;
    }

    /** Addresses with an entry (for tests: the map stays bounded). */
    int addresses() {
        return peers.size();
    }

    /**
     * Drops entries that only remember refusals of a past window, at most once per window: refused addresses that
     * never come back would otherwise stay.
     */
    private void sweepNowAndThen(long now) {
        if (now - lastSweep < windowMillis) {
            return;
        }
        lastSweep = now;
        for (InetAddress a : peers.keySet()) {
            peers.computeIfPresent(a, (k, peer) -> peer.empty(now, windowMillis) ? null : peer);
        }
    }
}
