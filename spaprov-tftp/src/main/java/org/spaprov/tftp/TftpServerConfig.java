package org.spaprov.tftp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Settings of one {@link TftpServer}. Immutable; {@link TftpServer#start} calls {@link #validate()}
 * and refuses to start with a message naming the setting and its value. Derive variants with the
 * {@code with*} methods.
 *
 * @param bind                  the listen address; port 0 picks a free port ({@link TftpServer#port()})
 * @param maxTransfers          transfers at once; further requests get ERROR 0 "server busy"
 * @param maxBlockSize          the largest blksize granted (8–65464); larger requests get this value
 * @param retransmitTimeout     wait before the first retransmission when the client sent no timeout option
 * @param maxRetransmitTimeout  cap of the doubling back-off
 * @param maxRetries            retransmissions of one packet before the transfer is abandoned
 * @param maxUploadSize         the largest WRQ accepted, in bytes (ERROR 3 beyond)
 * @param ioThreads             Netty event-loop threads; 0 = one per four available processors, at least one
 * @param inlineSource          call the {@link TftpFileSource} on the event loop that received the request and run
 *                              the transfer there (no thread hand-off); only for a source that never blocks, such
 *                              as one answering from memory. False: on a virtual thread (the source may block)
 * @param transport             the UDP transport; {@link Transport#AUTO} takes the best this platform loads
 * @param peers                 what one source address may hold, and the memory of all uploads
 */
public record TftpServerConfig(InetSocketAddress bind, int maxTransfers, int maxBlockSize, Duration retransmitTimeout,
                               Duration maxRetransmitTimeout, int maxRetries, long maxUploadSize, int ioThreads,
                               boolean inlineSource, Transport transport, PeerLimits peers) {

    /**
     * Bounds on what anonymous peers can make the server hold, per source address under the global
     * {@link #maxTransfers()}, so a flood from one address cannot starve the others, while an office behind one
     * NAT address (100 devices booting at once) is still served.
     *
     * @param transfersPerAddress transfers one address may run at once; beyond, ERROR 0 "server busy"
     * @param stalledPerAddress   transfers of one address that may be stalled at once (no answer within one
     *                            timeout); a transfer that stalls beyond this is abandoned at once instead of
     *                            retransmitting
     * @param refusalsPerAddress  refused names (file not found, upload not accepted, bad path) one address may
     *                            ask for per {@code refusalWindow}; beyond, its requests get ERROR 0 "server busy"
     *                            from the listen port, without a lookup or a new port, until the window passes
     * @param refusalWindow       the window of {@code refusalsPerAddress}, on the server's clock
     * @param uploadBytesTotal    bytes of all uploads buffered at once (each upload also within
     *                            {@link #maxUploadSize()}); an upload that would pass it is ended with ERROR 3
     * @param maxClientTimeout    the largest {@code timeout} option honoured (RFC 2349); a larger one is declined
     *                            (left out of the OACK) and the server's own timeout applies
     */
    public record PeerLimits(int transfersPerAddress, int stalledPerAddress, int refusalsPerAddress,
                             Duration refusalWindow, long uploadBytesTotal, Duration maxClientTimeout) {

        /** 256 transfers, 32 stalled, 64 refusals a second per address; 16 MiB of uploads; timeout option up to 5 s. */
        public static PeerLimits defaults() {
            return new PeerLimits(256, 32, 64, Duration.ofSeconds(1), 16L << 20, Duration.ofSeconds(5));
        }

        public PeerLimits withTransfersPerAddress(int value) {
            return new PeerLimits(value, stalledPerAddress, refusalsPerAddress, refusalWindow, uploadBytesTotal,
                    maxClientTimeout);
        }

        public PeerLimits withStalledPerAddress(int value) {
            return new PeerLimits(transfersPerAddress, value, refusalsPerAddress, refusalWindow, uploadBytesTotal,
                    maxClientTimeout);
        }

        public PeerLimits withRefusalsPerAddress(int value, Duration window) {
            return new PeerLimits(transfersPerAddress, stalledPerAddress, value, window, uploadBytesTotal,
                    maxClientTimeout);
        }

        public PeerLimits withUploadBytesTotal(long value) {
            return new PeerLimits(transfersPerAddress, stalledPerAddress, refusalsPerAddress, refusalWindow, value,
                    maxClientTimeout);
        }

        public PeerLimits withMaxClientTimeout(Duration value) {
            return new PeerLimits(transfersPerAddress, stalledPerAddress, refusalsPerAddress, refusalWindow,
                    uploadBytesTotal, value);
        }
    }

    /** Netty's UDP transports; the native ones are Linux-only. */
    public enum Transport {
        /** The first that loads of io_uring, epoll, NIO. */
        AUTO,
        /** io_uring: batches its system calls across sockets (measured ~15 % less CPU than epoll, bench/tftp). */
        IO_URING,
        /** epoll. */
        EPOLL,
        /** Java NIO: everywhere, one listen socket. */
        NIO
    }

    /**
     * Defaults: 1024 transfers, blksize up to 65464, 1 s doubling to 8 s, 5 retries, 1 MiB uploads,
     * {@link PeerLimits#defaults()}.
     */
    public static TftpServerConfig defaults(InetSocketAddress bind) {
        return new TftpServerConfig(bind, 1024, TftpCodec.MAX_BLOCK_SIZE, Duration.ofSeconds(1), Duration.ofSeconds(8),
                5, 1L << 20, 0, false, Transport.AUTO, PeerLimits.defaults());
    }

    /** {@link #defaults} on 127.0.0.1 and a free port. */
    public static TftpServerConfig loopback() {
        return defaults(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /** @throws IllegalArgumentException naming the first bad setting and its value */
    public TftpServerConfig validate() {
        check(bind != null && !bind.isUnresolved(), "bind", bind);
        check(maxTransfers >= 1, "maxTransfers", maxTransfers);
        check(maxBlockSize >= TftpCodec.MIN_BLOCK_SIZE && maxBlockSize <= TftpCodec.MAX_BLOCK_SIZE,
                "maxBlockSize (8..65464)", maxBlockSize);
        check(retransmitTimeout != null && retransmitTimeout.toMillis() >= 1, "retransmitTimeout", retransmitTimeout);
        check(maxRetransmitTimeout != null && maxRetransmitTimeout.compareTo(retransmitTimeout) >= 0,
                "maxRetransmitTimeout (>= retransmitTimeout)", maxRetransmitTimeout);
        check(maxRetries >= 0, "maxRetries", maxRetries);
        check(maxUploadSize >= 0, "maxUploadSize", maxUploadSize);
        check(ioThreads >= 0, "ioThreads", ioThreads);
        check(transport != null, "transport", transport);
        check(peers != null, "peers", peers);
        check(peers.transfersPerAddress() >= 1, "peers.transfersPerAddress", peers.transfersPerAddress());
        check(peers.stalledPerAddress() >= 0, "peers.stalledPerAddress", peers.stalledPerAddress());
        check(peers.refusalsPerAddress() >= 1, "peers.refusalsPerAddress", peers.refusalsPerAddress());
        check(peers.refusalWindow() != null && peers.refusalWindow().toMillis() >= 1, "peers.refusalWindow",
                peers.refusalWindow());
        check(peers.uploadBytesTotal() >= 0, "peers.uploadBytesTotal", peers.uploadBytesTotal());
        check(peers.maxClientTimeout() != null && !peers.maxClientTimeout().isNegative(), "peers.maxClientTimeout",
                peers.maxClientTimeout());
        return this;
    }

    private static void check(boolean ok, String key, Object value) {
        if (!ok) {
            throw new IllegalArgumentException("tftp." + key + ": invalid value " + value);
        }
    }

    public TftpServerConfig withBind(InetSocketAddress value) {
        return new TftpServerConfig(value, maxTransfers, maxBlockSize, retransmitTimeout, maxRetransmitTimeout,
                maxRetries, maxUploadSize, ioThreads, inlineSource, transport, peers);
    }

    public TftpServerConfig withMaxTransfers(int value) {
        return new TftpServerConfig(bind, value, maxBlockSize, retransmitTimeout, maxRetransmitTimeout,
                maxRetries, maxUploadSize, ioThreads, inlineSource, transport, peers);
    }

    public TftpServerConfig withMaxBlockSize(int value) {
        return new TftpServerConfig(bind, maxTransfers, value, retransmitTimeout, maxRetransmitTimeout,
                maxRetries, maxUploadSize, ioThreads, inlineSource, transport, peers);
    }

    public TftpServerConfig withRetransmit(Duration initial, Duration max, int retries) {
        return new TftpServerConfig(bind, maxTransfers, maxBlockSize, initial, max, retries, maxUploadSize, ioThreads, inlineSource, transport, peers);
    }

    public TftpServerConfig withMaxUploadSize(long value) {
        return new TftpServerConfig(bind, maxTransfers, maxBlockSize, retransmitTimeout, maxRetransmitTimeout,
                maxRetries, value, ioThreads, inlineSource, transport, peers);
    }

    public TftpServerConfig withIoThreads(int value) {
        return new TftpServerConfig(bind, maxTransfers, maxBlockSize, retransmitTimeout, maxRetransmitTimeout,
                maxRetries, maxUploadSize, value, inlineSource, transport, peers);
    }

    public TftpServerConfig withInlineSource(boolean value) {
        return new TftpServerConfig(bind, maxTransfers, maxBlockSize, retransmitTimeout, maxRetransmitTimeout,
                maxRetries, maxUploadSize, ioThreads, value, transport, peers);
    }

    public TftpServerConfig withTransport(Transport value) {
        return new TftpServerConfig(bind, maxTransfers, maxBlockSize, retransmitTimeout, maxRetransmitTimeout,
                maxRetries, maxUploadSize, ioThreads, inlineSource, value, peers);
    }

    public TftpServerConfig withPeers(PeerLimits value) {
        return new TftpServerConfig(bind, maxTransfers, maxBlockSize, retransmitTimeout, maxRetransmitTimeout,
                maxRetries, maxUploadSize, ioThreads, inlineSource, transport, value);
    }
}
