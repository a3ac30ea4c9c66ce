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
import org.spaprov.server.provision.Protocol;

/**
 * The pipeline of one HTTP or HTTPS connection, in order:
 * <pre>
 *   [tls: SslHandler]          HTTPS only; client certificate none/optional/required per {@link TlsSettings}
 *   idle: IdleStateHandler     closes connections idle for {@link HttpLimits#idleTimeout()}
 *   codec: HttpServerCodec     request line ≤ maxInitialLineLength, headers ≤ maxHeaderSize
 *   aggregate: HttpObjectAggregator  bodies ≤ maxContentLength (413 itself), handles Expect: 100-continue
 *   provision: ProvisionHttpHandler   requests → ProvisionService / ReportSink
 * </pre>
 * Thread-safe; one instance serves every connection of a listener.
 */
public final class HttpServerInitializer extends ChannelInitializer<SocketChannel> {
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
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ChannelPipeline p = ch.pipeline();
        tls.ifPresent(ctx -> p.addLast("tls", ctx.newHandler(ch.alloc())));
        addHttp(p);
    }

    /** Adds the handlers after TLS (tests drive these on an {@code EmbeddedChannel}). */
    void addHttp(ChannelPipeline p) {
        long idle = backend.limits().idleTimeout().toMillis();
        p.addLast("idle", new IdleStateHandler(0, 0, idle, TimeUnit.MILLISECONDS));
        p.addLast("codec", new HttpServerCodec(decoderConfig));
        p.addLast("aggregate", new HttpObjectAggregator(backend.limits().maxContentLength()));
        p.addLast("provision", new ProvisionHttpHandler(backend, tls.isPresent() ? Protocol.HTTPS : Protocol.HTTP,
                date));
    }
}
