package org.spaprov.server.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spaprov.server.http.HttpBackend;
import org.spaprov.server.http.HttpServerInitializer;
import org.spaprov.server.provision.ServerMetrics;
import org.spaprov.server.provision.ProvisionService;
import org.spaprov.server.provision.ReportSink;
import org.spaprov.tftp.TftpServer;

/**
 * Owns the data plane's lifecycle: the HTTP and HTTPS listeners (one Netty pipeline, see
 * {@link HttpServerInitializer}), the TFTP server, the event loops and the service pool. {@link #start} binds
 * everything or nothing; {@link #close()} stops accepting, lets the loops drain and releases every thread.
 *
 * <p>Thread-safe after start. Ports given as 0 are picked by the OS; {@link #listeningLines()} names the
 * chosen ones.
 */
public final class ProvisioningServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningServer.class);

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ThreadPoolExecutor pool;
    private final List<Channel> channels = new ArrayList<>();
    private final List<AutoCloseable> others = new ArrayList<>();
    private InetSocketAddress http;
    private InetSocketAddress https;
    private InetSocketAddress tftp;

    // ------------------------------------------------------------------ public API

    private ProvisioningServer(NetSettings s) {
        boss = Transport.BEST.group(1, "spaprov-accept");
        workers = Transport.BEST.group(s.ioThreads(), "spaprov-io");
        // Always there: report uploads write files and never run on an event loop, whatever the dispatch.
        pool = new ThreadPoolExecutor(s.serviceThreads(), s.serviceThreads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(s.serviceQueue()), new DefaultThreadFactory("spaprov-service", true),
                new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Binds the listeners the settings enable and starts serving.
     *
     * @throws IOException naming the listener and address when a bind fails, or a TLS file is bad
     */
    public static ProvisioningServer start(NetSettings settings, ProvisionService service, ReportSink reports,
            Clock clock) throws IOException {
        return start(settings, service, reports, clock, new ServerMetrics());
    }

    /** As {@link #start(NetSettings, ProvisionService, ReportSink, Clock)}, counting into {@code metrics}. */
    public static ProvisioningServer start(NetSettings settings, ProvisionService service, ReportSink reports,
            Clock clock, ServerMetrics metrics) throws IOException {
        ProvisioningServer server = new ProvisioningServer(settings);
        try {
            server.bindAll(settings, service, reports, clock, metrics);
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The bound HTTP address, if HTTP is enabled. */
    public Optional<InetSocketAddress> httpAddress() {
        return Optional.ofNullable(http);
    }

    /** The bound HTTPS address, if HTTPS is enabled. */
    public Optional<InetSocketAddress> httpsAddress() {
        return Optional.ofNullable(https);
    }

    /** The bound TFTP address, if TFTP is enabled. */
    public Optional<InetSocketAddress> tftpAddress() {
        return Optional.ofNullable(tftp);
    }

    /** {@code listening tftp 127.0.0.1:NNNN}, then http, then https: one line per enabled listener. */
    public List<String> listeningLines() {
        List<String> lines = new ArrayList<>(3);
        tftpAddress().ifPresent(a -> lines.add("listening tftp " + hostPort(a)));
        httpAddress().ifPresent(a -> lines.add("listening http " + hostPort(a)));
        httpsAddress().ifPresent(a -> lines.add("listening https " + hostPort(a)));
        return lines;
    }

    /** Stops accepting, closes connections and transfers, and stops every thread this server started. */
    @Override
    public void close() {
        for (Channel c : channels) {
            c.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        for (AutoCloseable c : others) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {}: {}", c, e.toString());
            }
        }
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        boss.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
        workers.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
        pool.shutdown();
    }

    // ------------------------------------------------------------------ private

    private void bindAll(NetSettings s, ProvisionService service, ReportSink reports, Clock clock,
            ServerMetrics metrics) throws IOException {
        Executor executor = s.dispatch() == NetSettings.Dispatch.POOL ? pool : HttpBackend.INLINE;
        HttpBackend backend = new HttpBackend(service, reports, executor, pool, clock, s.limits(), metrics);
        if (s.tftpPort() >= 0) {
            TftpServer t = TftpWiring.start(s, service, reports, clock, metrics);
            others.add(t);
            tftp = t.localAddress();
        }
        if (s.httpPort() >= 0) {
            http = bindTcp("http", s.bind(), s.httpPort(), new HttpServerInitializer(backend, Optional.empty()));
        }
        if (s.httpsPort() >= 0) {
            SslContext ssl = s.tls().orElseThrow().toSslContext();
            https = bindTcp("https", s.bind(), s.httpsPort(), new HttpServerInitializer(backend, Optional.of(ssl)));
        }
    }

    private InetSocketAddress bindTcp(String name, String bind, int port, HttpServerInitializer init)
            throws IOException {
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channel(Transport.BEST.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(init);
        try {
            Channel ch = b.bind(bind, port).sync().channel();
            channels.add(ch);
            return (InetSocketAddress) ch.localAddress();
        } catch (Exception e) {
            throw new IOException("cannot listen for " + name + " on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
    }

    private static String hostPort(InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
