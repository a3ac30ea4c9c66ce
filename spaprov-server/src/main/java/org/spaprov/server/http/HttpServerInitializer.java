package org.spaprov.server.http;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spaprov.server.provision.Protocol;

/**
 * The pipeline of one HTTP or HTTPS connection, in order:
 * <pre>
 *   (gate)                     over a {@link ConnectionGate} cap, the connection is closed before any handler
 *   [sniff: PlainHttpOnTlsPort]  HTTPS only: a TLS record becomes "tls: SslHandler" (client certificate
 *                              none/optional/required per {@link TlsSettings}, handshake deadline), plain HTTP 400
 *   idle: IdleStateHandler     closes connections idle for {@link HttpLimits#idleTimeout()}
 *   head-start, head-end: RequestHeadDeadline   closes a request head slower than {@link HttpLimits#headTimeout()}
 *   codec: HttpServerCodec     request line ≤ maxInitialLineLength, headers ≤ maxHeaderSize
 *   aggregate: HttpObjectAggregator  bodies ≤ maxContentLength (413 itself), handles Expect: 100-continue
 *   provision: ProvisionHttpHandler   requests → ProvisionService / ReportSink
 * </pre>
 * Thread-safe; one instance serves every connection of a listener.
 */
public final class HttpServerInitializer extends ChannelInitializer<SocketChannel> {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServerInitializer.class);

    private final HttpBackend backend;
    private final Optional<SslContext> tls;
    private final HttpDate date;
    private final HttpDecoderConfig decoderConfig;

    /** @param tls present for HTTPS */
    public HttpServerInitializer(HttpBackend backend, Optional<SslContext> tls) {
        this.backend = backend;
        this.tls = tls;
        this.date = new HttpDate(backend.clock());
        HttpLimits l = backend.limits();
        this.decoderConfig = new HttpDecoderConfig()
                .setMaxInitialLineLength(l.maxInitialLineLength())
                .setMaxHeaderSize(l.maxHeaderSize())
                .setMaxChunkSize(8192);
        ConnectionGate gate = backend.gate();
        backend.metrics().gauge("spaprov.http.connections", "Open HTTP and HTTPS connections.", gate,
                ConnectionGate::open);
        backend.metrics().functionCounter("spaprov.http.connections.refused",
                "HTTP/HTTPS connections closed at once because a connection cap was reached.", gate,
                ConnectionGate::refused);
        backend.metrics().functionCounter("spaprov.http.connections.evicted",
                "HTTP/HTTPS connections closed at the total cap because they had sent no request head.", gate,
                ConnectionGate::evicted);
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        if (!backend.gate().admit(ch)) {
            long n = backend.gate().refused();
            if (n == 1 || n % 1000 == 0) {
                LOG.warn("{} connection cap reached ({} per address, {} in total): {} connections refused so far",
                        tls.isPresent() ? "https" : "http", backend.limits().maxConnectionsPerAddress(),
                        backend.limits().maxConnections(), n);
            }
            ch.close();
            return;
        }
        ChannelPipeline p = ch.pipeline();
        tls.ifPresent(ctx -> p.addLast("sniff", new PlainHttpOnTlsPort(ctx, backend.limits().tlsHandshakeTimeout(),
                backend.metrics())));
        addHttp(p);
    }

    /** Adds the handlers after TLS (tests drive these on an {@code EmbeddedChannel}). */
    void addHttp(ChannelPipeline p) {
        long idle = backend.limits().idleTimeout().toMillis();
        RequestHeadDeadline deadline = new RequestHeadDeadline(backend.limits().headTimeout(), backend.gate());
        p.addLast("idle", new IdleStateHandler(0, 0, idle, TimeUnit.MILLISECONDS));
        p.addLast("head-start", deadline.bytes());
        p.addLast("codec", new HttpServerCodec(decoderConfig));
        p.addLast("head-end", deadline.heads());
        p.addLast("aggregate", new HttpObjectAggregator(backend.limits().maxContentLength()));
        p.addLast("provision", new ProvisionHttpHandler(backend, tls.isPresent() ? Protocol.HTTPS : Protocol.HTTP,
                date));
    }
}
