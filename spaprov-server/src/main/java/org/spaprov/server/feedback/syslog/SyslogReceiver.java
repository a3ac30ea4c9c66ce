package org.spaprov.server.feedback.syslog;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UDP syslog listener: each datagram is one line, cut at {@value SyslogMessage#MAX_BYTES} bytes, admitted by
 * {@link SyslogRate} (per source address and in total), decoded ({@link SyslogMessage#decode}) and handed, in
 * order, to the consumer on one worker thread with a bounded queue (the consumer writes to the store, which an
 * event loop must never wait for). Lines over the rate or the queue are counted and dropped, never stored.
 *
 * <p>Thread-safe. {@link #close()} stops the listener and lets the worker finish its queue.
 */
public final class SyslogReceiver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyslogReceiver.class);
    /** Lines waiting for the consumer before new ones are dropped. */
    static final int QUEUE = 4096;

    /**
     * Where and how much.
     *
     * @param bind          address to bind
     * @param port          UDP port (0 = any free one)
     * @param perAddress    lines per second one source address may send (burst: as many again)
     * @param total         lines per second from all addresses together
     */
    public record Config(String bind, int port, int perAddress, int total) {
        public Config {
            java.util.Objects.requireNonNull(bind, "bind");
            if (port < 0 || port > 65535 || perAddress < 1 || total < 1) {
                throw new IllegalArgumentException("syslog: port 0..65535 and positive rates");
            }
        }

        /** 20 lines/s per address, 2,000 in total: far above what SPAs send (a few lines per resync). */
        public static Config of(String bind, int port) {
            return new Config(bind, port, 20, 2000);
        }
    }

    private final EventLoopGroup loop;
    private final ThreadPoolExecutor worker;
    private final Channel channel;
    private final AtomicLong received;
    private final AtomicLong dropped;
    private final Handled handled;

    private SyslogReceiver(EventLoopGroup loop, ThreadPoolExecutor worker, Channel channel, AtomicLong received,
            AtomicLong dropped, Handled handled) {
        this.handled = handled;
        this.loop = loop;
        this.worker = worker;
        this.channel = channel;
        this.received = received;
        this.dropped = dropped;
    }

    /**
     * Binds and starts receiving.
     *
     * @throws IOException naming the address when the port cannot be bound
     */
    public static SyslogReceiver start(Config config, Clock clock, Consumer<SyslogMessage> consumer)
            throws IOException {
        EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("spaprov-syslog", true),
                NioIoHandler.newFactory());
        ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), new DefaultThreadFactory("spaprov-syslog-ingest", true),
                new ThreadPoolExecutor.AbortPolicy());
        SyslogRate rate = new SyslogRate(clock, config.perAddress(), config.total());
        AtomicLong received = new AtomicLong();
        AtomicLong dropped = new AtomicLong();
        Handled handled = new Handled();
        Bootstrap b = new Bootstrap().group(loop).channel(NioDatagramChannel.class)
                // One more byte than we read, so a longer datagram is seen as cut.
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(SyslogMessage.MAX_BYTES + 1))
                .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket p) {
                        received.incrementAndGet();
                        String address = p.sender().getAddress().getHostAddress();
                        if (!rate.admit(address)) {
                            dropped.incrementAndGet();
                            return;
                        }
                        ByteBuf buf = p.content();
                        byte[] bytes = new byte[buf.readableBytes()];
                        buf.readBytes(bytes);
                        SyslogMessage m = SyslogMessage.decode(bytes, bytes.length, address, clock.instant());
                        try {
                            worker.execute(() -> {
                                try {
                                    consumer.accept(m);
                                } catch (RuntimeException e) {
                                    LOG.warn("syslog: line from {} not recorded: {}", address, e.toString());
                                } finally {
                                    handled.done();
                                }
                            });
                        } catch (RejectedExecutionException e) {
                            dropped.incrementAndGet();
                        }
                    }

                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                        LOG.debug("syslog: {}", cause.toString());
                    }
                });
        try {
            Channel ch = b.bind(config.bind(), config.port()).sync().channel();
            return new SyslogReceiver(loop, worker, ch, received, dropped, handled);
        } catch (Exception e) {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            worker.shutdown();
            String why = e instanceof BindException ? "port in use" : e.getMessage();
            throw new IOException("cannot listen for syslog on " + config.bind() + ":" + config.port() + ": " + why, e);
        }
    }

    /** The bound address. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** Datagrams received, admitted or not. */
    public long received() {
        return received.get();
    }

    /** Datagrams dropped: over the rate, or the worker's queue full. */
    public long dropped() {
        return dropped.get();
    }

    /** Lines the consumer has finished with. */
    public long handled() {
        return handled.count();
    }

    /**
     * Waits until the consumer has finished with at least {@code n} lines since start, or the timeout passes
     * (tests: a datagram's arrival is the event waited for).
     *
     * @return whether it got there
     */
    public boolean awaitHandled(long n, java.time.Duration timeout) throws InterruptedException {
        return handled.await(n, timeout);
    }

    /** A counter one can wait on. */
    private static final class Handled {
        private long count;

        synchronized void done() {
            count++;
            notifyAll();
        }

        synchronized long count() {
            return count;
        }

        synchronized boolean await(long n, java.time.Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            while (count < n) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
