package org.spaprov.tftp;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringDatagramChannel;
import io.netty.channel.uring.IoUringIoHandler;

/**
 * The Netty UDP transport a {@link TftpServer} runs on (package-private). Native ones (io_uring, epoll) are
 * Linux-only and used when their library loads; they also allow one listen socket per event loop
 * ({@code SO_REUSEPORT}). NIO works everywhere.
 */
enum UdpTransport {
    IO_URING, EPOLL, NIO;

    /**
     * {@link TftpServerConfig.Transport#AUTO} takes the first available of io_uring, epoll, NIO; a named
     * transport is taken when available, else NIO (logged).
     */
    static UdpTransport choose(TftpServerConfig.Transport preference) {
        UdpTransport t = switch (preference) {
            case IO_URING -> IoUring.isAvailable() ? IO_URING : NIO;
            case EPOLL -> Epoll.isAvailable() ? EPOLL : NIO;
            case NIO -> NIO;
            case AUTO -> IoUring.isAvailable() ? IO_URING : Epoll.isAvailable() ? EPOLL : NIO;
        };
        if (preference != TftpServerConfig.Transport.AUTO && !t.name().equals(preference.name())) {
            TftpServer.LOG.warn("TFTP: transport {} is not available here, using NIO", preference);
        }
        return t;
    }

    IoHandlerFactory ioHandlerFactory() {
        return switch (this) {
            case IO_URING -> IoUringIoHandler.newFactory();
            case EPOLL -> EpollIoHandler.newFactory();
            case NIO -> NioIoHandler.newFactory();
        };
    }

    DatagramChannel newChannel(SocketProtocolFamily family) {
        return switch (this) {
            case IO_URING -> new IoUringDatagramChannel(family);
            case EPOLL -> new EpollDatagramChannel(family);
            case NIO -> new NioDatagramChannel(family);
        };
    }

    /** One listen socket per event loop on the same port. */
    boolean reusePort() {
        return this != NIO;
    }
}
