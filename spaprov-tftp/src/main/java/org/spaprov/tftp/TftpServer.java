package org.spaprov.tftp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TFTP server (RFC 1350 with the options of RFC 2347, 2348 and 2349) on Netty UDP: native io_uring or
 * epoll on Linux when their library loads, Java NIO elsewhere ({@link TftpServerConfig#transport()}).
 *
 * <p>Requests arrive on the listen port: with a native transport, one socket per event loop sharing
 * the port ({@code SO_REUSEPORT}, the kernel spreads clients over them); with NIO, one socket. Each
 * admitted transfer gets its own channel on an ephemeral port (its transfer ID), so any number of
 * transfers run at once, up to
 * {@link TftpServerConfig#maxTransfers()} (further requests get {@code ERROR 0 server busy}).
 * Every request passes, in order: the codec's bounds (malformed → ERROR 4, option abuse → ERROR 8),
 * the path policy (→ ERROR 2; see {@link TftpFileSource}), option negotiation (→ ERROR 8), the
 * concurrency limit, then the {@link TftpFileSource} (RRQ) or {@link TftpUploadSink} (WRQ) on a
 * virtual thread (or, for RRQ with {@link TftpServerConfig#inlineSource()}, on the event loop that
 * received it, which then runs the transfer too). A refused RRQ/WRQ gets its ERROR from a fresh
 * ephemeral port, like any other reply to a request (RFC 1350 §4; clients such as commons-net drop
 * packets from the listen port), while datagrams that are not well-formed requests are answered
 * cheaply from the listen port. Netascii reads are converted (LF → CR LF, CR → CR NUL); netascii
 * uploads are converted back. Unanswered packets are retransmitted with doubling back-off
 * ({@link TftpServerConfig#retransmitTimeout()}, or the client's timeout option) up to
 * {@link TftpServerConfig#maxRetries()} times. Block numbers wrap from 65535 to 0.
 *
 * <p>What anonymous peers can make it hold is bounded per source address and in total
 * ({@link TftpServerConfig.PeerLimits}): transfer slots, stalled transfers (the next to stall past the cap is
 * abandoned), refused names per window, and the bytes of all uploads, which are buffered as DATA arrives. A fixed
 * listen port held by anyone else fails {@link #start} with "port in use" ({@link ListenSockets}).
 *
 * <p>Each request ends with one {@link TftpTransferEvent} to the {@link TftpTransferListener}.
 * Thread-safe; {@link #close()} stops listening, aborts transfers and frees the threads.
 *
 * <pre>{@code
 * try (TftpServer server = TftpServer.start(TftpServerConfig.loopback(),
 *         TftpFileSource.directory(Path.of("/srv/tftp"), 16 << 20), TftpUploadSink.REFUSE)) {
 *     int port = server.port();
 * }
 * }</pre>
 */
public final class TftpServer implements AutoCloseable {

    static final Logger LOG = LoggerFactory.getLogger(TftpServer.class);

    private final TftpServerConfig config;
    private final TftpFileSource source;
    private final TftpUploadSink sink;
    private final TftpTransferListener listener;
    private final Clock clock;
    private final EventLoopGroup group;
    private final ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
    private final PeerBook peers;
    private final InetSocketAddress transferBind;
    /** Native where available: fewer syscalls and copies per datagram than NIO, and SO_REUSEPORT listen sockets. */
    private final UdpTransport transport;
    /** IPv4 sockets for an IPv4 bind: a dual-stack socket would map every address to IPv6 and back. */
    private final SocketProtocolFamily family;
    private final List<Channel> listenChannels = new ArrayList<>();

    private TftpServer(TftpServerConfig config, TftpFileSource source, TftpUploadSink sink,
                       TftpTransferListener listener, Clock clock) {
        this.config = config;
        this.source = source;
        this.sink = sink;
        this.listener = listener;
        this.clock = clock;
        this.peers = new PeerBook(config, clock);
        this.transport = UdpTransport.choose(config.transport());
        this.group = new MultiThreadIoEventLoopGroup(loops(), transport.ioHandlerFactory());
        this.transferBind = new InetSocketAddress(config.bind().getAddress(), 0);
        this.family = config.bind().getAddress() instanceof Inet4Address
                ? SocketProtocolFamily.INET : SocketProtocolFamily.INET6;
    }

    // ---------------------------------------------------------------- public API

    /** Starts a server without a listener; see {@link #start(TftpServerConfig, TftpFileSource, TftpUploadSink, TftpTransferListener, Clock)}. */
    public static TftpServer start(TftpServerConfig config, TftpFileSource source, TftpUploadSink sink)
            throws IOException {
        return start(config, source, sink, TftpTransferListener.NONE, Clock.systemUTC());
    }

    /** Starts a server reporting to {@code listener}, with the system clock. */
    public static TftpServer start(TftpServerConfig config, TftpFileSource source, TftpUploadSink sink,
                                   TftpTransferListener listener) throws IOException {
        return start(config, source, sink, listener, Clock.systemUTC());
    }

    /**
     * Validates {@code config}, binds the listen socket and returns the running server.
     *
     * @param clock stamps the events ({@code started}, {@code duration}); retransmission timers run
     *              on the event loops in real time
     * @throws IllegalArgumentException for an invalid config (the message names the setting)
     * @throws IOException when the address cannot be bound
     */
    public static TftpServer start(TftpServerConfig config, TftpFileSource source, TftpUploadSink sink,
                                   TftpTransferListener listener, Clock clock) throws IOException {
        config.validate();
        if (source == null || sink == null || listener == null || clock == null) {
            throw new IllegalArgumentException("source, sink, listener and clock are required");
        }
        TftpServer server = new TftpServer(config, source, sink, listener, clock);
        try {
            server.bind();
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The bound listen address (the real port when the config said 0). */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) listenChannels.get(0).localAddress();
    }

    /** The bound listen port. */
    public int port() {
        return localAddress().getPort();
    }

    /** The UDP transport in use: {@code IO_URING}, {@code EPOLL} or {@code NIO}. */
    public String transport() {
        return transport.name();
    }

    /** Transfers admitted and not yet ended. */
    public int activeTransfers() {
        return peers.active();
    }

    /** Transfers admitted for {@code address} and not yet ended. */
    public int activeTransfers(java.net.InetAddress address) {
        return peers.active(address);
    }

    /** Transfers that got no answer within one timeout and are retransmitting. */
    public int stalledTransfers() {
        return peers.stalled();
    }

    /** Bytes of uploads buffered right now (received DATA not yet handed to the sink and released). */
    public long bufferedUploadBytes() {
        return peers.uploadBytes();
    }

    /** Stops listening, closes every transfer channel and waits (up to a few seconds) for the threads. */
    @Override
    public void close() {
        for (Channel ch : listenChannels) {
            ch.close().awaitUninterruptibly();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        blocking.shutdownNow();
    }

    // ---------------------------------------------------------------- package

    TftpServerConfig config() {
        return config;
    }

    TftpFileSource source() {
        return source;
    }

    TftpUploadSink sink() {
        return sink;
    }

    ExecutorService blocking() {
        return blocking;
    }

    Instant now() {
        return clock.instant();
    }

    PeerBook peers() {
        return peers;
    }

    /**
     * Refuses a well-formed request with ERROR from a fresh ephemeral port (its own TID, RFC 1350 §4),
     * as in.tftpd does; the port is closed once the packet is sent. Falls back to the listen port when
     * no port can be opened, so the client still learns why.
     */
    void refuse(InetSocketAddress client, TftpErrorCode code, String message) {
        EventLoop loop = group.next();
        try {
            loop.execute(new RefuseTask(new TftpOutbound(new ErrorPacket(code, message), client), loop));
        } catch (RejectedExecutionException e) {
            // The server is closing: nobody is left to answer.
        }
    }

    /** Answers garbage (not a well-formed request) with ERROR from {@code listen}, a listen socket. */
    void reply(Channel listen, InetSocketAddress client, TftpErrorCode code, String message) {
        listen.writeAndFlush(new TftpOutbound(new ErrorPacket(code, message), client), listen.voidPromise());
    }

    /** Reports a request that never became a transfer (no slot held). */
    void rejected(InetSocketAddress client, TftpTransferEvent.Direction direction, String filename,
                  TftpTransferEvent.Outcome outcome, Instant started, String detail) {
        report(new TftpTransferEvent(client, direction, filename, outcome, 0, started,
                Duration.between(started, clock.instant()), detail, null));
    }

    /** Ends an admitted transfer: frees its slot and reports it with the source's or sink's context. */
    void ended(TransferSpec spec, TftpTransferEvent.Outcome outcome, long bytes, String detail, Object context) {
        peers.release(spec.client().getAddress());
        report(new TftpTransferEvent(spec.client(), spec.direction(), spec.filename(), outcome, bytes,
                spec.started(), Duration.between(spec.started(), clock.instant()), detail, context));
    }

    /**
     * Creates, registers and binds the transfer's own channel on an event loop (not on the calling
     * virtual thread: Netty caches per-thread handler metadata, and a fresh virtual thread would
     * recompute it); the transfer starts when the channel is active.
     */
    void launch(Transfer transfer, int receiveSize) {
        launch(transfer, receiveSize, group.next());
    }

    /** Launches on {@code loop}: at once when called on it (inline sources), else as a task. */
    void launch(Transfer transfer, int receiveSize, EventLoop loop) {
        LaunchTask task = new LaunchTask(transfer, receiveSize, loop);
        if (loop.inEventLoop()) {
            task.run();
            return;
        }
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) { // the server is closing
            transfer.report(TftpTransferEvent.Outcome.FAILED, "server shutting down");
        }
    }

    private final class LaunchTask implements Runnable {
        private final Transfer transfer;
        private final int receiveSize;
        private final EventLoop loop;

        LaunchTask(Transfer transfer, int receiveSize, EventLoop loop) {
            this.transfer = transfer;
            this.receiveSize = receiveSize;
            this.loop = loop;
        }

        @Override
        public void run() {
            openTransferPort(loop, ch -> {
                // One datagram per wake-up: a transfer expects one answer per packet it sent, so a
                // second read would only return EAGAIN.
                ch.config().setRecvByteBufAllocator(new FixedRecvByteBufAllocator(receiveSize).maxMessagesPerRead(1));
                ch.pipeline().addLast(TftpDatagramCodec.INSTANCE, transfer);
            }, ch -> { }, this::launchFailed);
        }

        private void launchFailed(Throwable cause) {
            LOG.warn("TFTP: cannot open a transfer port: {}", cause.toString());
            reply(listenChannels.get(0), transfer.spec.client(), TftpErrorCode.NOT_DEFINED, "server error");
            transfer.report(TftpTransferEvent.Outcome.FAILED, "cannot open a transfer port");
        }
    }

    /**
     * Opens a one-shot channel on an event loop (for the same reason as {@link LaunchTask}), sends
     * the refusal from it and closes it.
     */
    private final class RefuseTask implements Runnable {
        private final TftpOutbound refusal;
        private final EventLoop loop;

        RefuseTask(TftpOutbound refusal, EventLoop loop) {
            this.refusal = refusal;
            this.loop = loop;
        }

        @Override
        public void run() {
            openTransferPort(loop, ch -> ch.pipeline().addLast(TftpDatagramCodec.INSTANCE),
                    ch -> ch.writeAndFlush(refusal).addListener(ChannelFutureListener.CLOSE), this::fallBack);
        }

        private void fallBack(Throwable cause) {
            LOG.warn("TFTP: cannot open a port for a refusal, answering from the listen port: {}", cause.toString());
            ErrorPacket error = (ErrorPacket) refusal.packet();
            reply(listenChannels.get(0), refusal.recipient(), error.code(), error.message());
        }
    }

    // ---------------------------------------------------------------- private

    /**
     * Creates a datagram channel, lets {@code setup} build its pipeline, registers it on {@code loop}
     * and binds it to a fresh transfer port; then runs {@code bound} (on the loop), or {@code failed}
     * with the cause when any step fails.
     */
    private void openTransferPort(EventLoop loop, Consumer<DatagramChannel> setup,
                                  Consumer<DatagramChannel> bound, Consumer<Throwable> failed) {
        DatagramChannel ch;
        try {
            ch = newChannel();
        } catch (RuntimeException e) {
            failed.accept(e);
            return;
        }
        setup.accept(ch);
        loop.register(ch).addListener(r -> {
            if (!r.isSuccess()) {
                failed.accept(r.cause());
                return;
            }
            ch.bind(transferBind).addListener(b -> {
                if (!b.isSuccess()) {
                    ch.close();
                    failed.accept(b.cause());
                    return;
                }
                bound.accept(ch);
            });
        });
    }

    private void bind() throws IOException {
        listenChannels.addAll(new ListenSockets(config.bind(), transport, group, loops(), this::newChannel,
                () -> new RequestHandler(this)).bind());
    }

    private DatagramChannel newChannel() {
        return transport.newChannel(family);
    }

    /**
     * {@code ioThreads}, or for 0 one loop per four processors (at least one). Lock-step TFTP gives a loop
     * little to batch, so loops beyond what the load needs only add cross-core wake-ups: on 2 cores one loop
     * served 30 % more transfers per second than two at 30 % less CPU per transfer (bench/tftp), and two
     * beat four the same way (Netty's own default, two per processor, would be eight).
     */
    private int loops() {
        return config.ioThreads() > 0 ? config.ioThreads()
                : Math.max(1, Runtime.getRuntime().availableProcessors() / 4);
    }

    private void report(TftpTransferEvent event) {
        try {
            listener.transferEnded(event);
        } catch (RuntimeException e) {
            LOG.warn("TFTP transfer listener failed: {}", e.toString());
        }
    }
}
