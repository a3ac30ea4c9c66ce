package org.spaprov.tftp;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.unix.UnixChannelOption;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Binds a {@link TftpServer}'s listen sockets (package-private): one socket, or with a native transport one per
 * event loop sharing the port with {@code SO_REUSEPORT}. A fixed port is probed with a plain socket first, so a
 * port another server holds (with or without {@code SO_REUSEPORT}) fails with "port in use" instead of being
 * silently shared.
 */
final class ListenSockets {

    private final InetSocketAddress bind;
    private final UdpTransport transport;
    private final EventLoopGroup group;
    private final int loops;
    private final Supplier<DatagramChannel> newChannel;
    private final Supplier<ChannelHandler> handler;

    ListenSockets(InetSocketAddress bind, UdpTransport transport, EventLoopGroup group, int loops,
                  Supplier<DatagramChannel> newChannel, Supplier<ChannelHandler> handler) {
        this.bind = bind;
        this.transport = transport;
        this.group = group;
        this.loops = loops;
        this.newChannel = newChannel;
        this.handler = handler;
    }

    /** Binds the listen sockets: one, or with SO_REUSEPORT one per event loop. */
    List<Channel> bind() throws IOException {
        List<Channel> listenChannels = new ArrayList<>();
        if (bind.getPort() != 0) {
            // SO_REUSEPORT would let our listen sockets join a port another server of this user holds, and the two
            // would silently share its requests: a plain socket binds only where nobody listens.
            assertFree(bind);
        }
        if (!transport.reusePort()) {
            listenChannels.add(bindListen(bind, false));
            return listenChannels;
        }
        // Port 0 with SO_REUSEPORT could be given a port that another reuse-port socket of this user
        // already holds, and the two would share its requests: take a port nobody holds first.
        for (int attempt = 1; ; attempt++) {
            InetSocketAddress address = bind.getPort() != 0 ? bind
                    : new InetSocketAddress(bind.getAddress(), unusedPort());
            try {
                for (int i = 0; i < loops; i++) {
                    // Bootstrap registers each socket on the group's next loop: one listen socket per loop.
                    listenChannels.add(bindListen(address, true));
                }
                return listenChannels;
            } catch (IOException e) {
                listenChannels.forEach(Channel::close);
                listenChannels.clear();
                if (bind.getPort() != 0 || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private Channel bindListen(InetSocketAddress address, boolean reusePort) throws IOException {
        Bootstrap b = new Bootstrap().group(group)
                .channelFactory((io.netty.channel.ChannelFactory<DatagramChannel>) newChannel::get)
                // Requests are at most 512 bytes; a larger buffer lets the codec see oversized ones.
                .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(1024))
                .option(ChannelOption.SO_RCVBUF, 1 << 20)
                .handler(new ChannelInitializer<DatagramChannel>() {
                    @Override
                    protected void initChannel(DatagramChannel ch) {
                        ch.pipeline().addLast(TftpDatagramCodec.INSTANCE, handler.get());
                    }
                });
        if (reusePort) {
            b.option(UnixChannelOption.SO_REUSEPORT, true);
        }
        ChannelFuture f = b.bind(address).awaitUninterruptibly();
        if (!f.isSuccess()) {
            throw bindFailure(address, f.cause());
        }
        return f.channel();
    }

    /**
     * Binds and closes a plain UDP socket (no SO_REUSEPORT, no SO_REUSEADDR) on {@code address}: it fails when any
     * socket holds the port, with or without SO_REUSEPORT. A server that takes the port between this probe and
     * our own bind (the same instant) is not detected.
     */
    private static void assertFree(InetSocketAddress address) throws IOException {
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket(null)) {
            probe.setReuseAddress(false);
            probe.bind(address);
        } catch (IOException e) {
            throw bindFailure(address, e);
        }
    }

    /** {@code cannot bind TFTP to HOST:PORT: port in use} (a {@link java.net.BindException}), or the cause's text. */
    private static IOException bindFailure(InetSocketAddress address, Throwable cause) {
        String where = address.getAddress().getHostAddress() + ":" + address.getPort();
        String text = String.valueOf(cause.getMessage());
        if (cause instanceof java.net.BindException || text.contains("Address already in use")) {
            java.net.BindException e = new java.net.BindException("cannot bind TFTP to " + where + ": port in use");
            e.initCause(cause);
            return e;
        }
        return new IOException("cannot bind TFTP to " + where + ": " + text, cause);
    }

    /** A UDP port free on the bind address right now (the kernel picks it for a plain socket). */
    private int unusedPort() throws IOException {
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket(
                new InetSocketAddress(bind.getAddress(), 0))) {
            return probe.getLocalPort();
        }
    }
}
