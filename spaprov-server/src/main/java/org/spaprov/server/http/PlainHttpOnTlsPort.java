package org.spaprov.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spaprov.server.provision.ServerMetrics;
import org.spaprov.server.provision.Protocol;

/**
 * First handler of an HTTPS connection: looks at the first record header (5 bytes). A TLS record hands the
 * connection to an {@link SslHandler} (with {@link HttpLimits#tlsHandshakeTimeout()}), which receives the bytes
 * read so far; anything else is answered as nginx does, {@code 400} in plain text ("The plain HTTP request was
 * sent to HTTPS port"), and closed. One instance per connection.
 */
final class PlainHttpOnTlsPort extends ByteToMessageDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(PlainHttpOnTlsPort.class);
    private static final int RECORD_HEADER = 5;
    private static final byte[] BODY = "400 Bad Request: the plain HTTP request was sent to the HTTPS port\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ANSWER = ("HTTP/1.1 400 Bad Request\r\nserver: spaprov\r\n"
            + "content-type: text/plain; charset=utf-8\r\ncontent-length: " + BODY.length
            + "\r\nconnection: close\r\n\r\n" + new String(BODY, StandardCharsets.US_ASCII))
            .getBytes(StandardCharsets.US_ASCII);

    private final SslContext ssl;
    private final long handshakeMillis;
    private final ServerMetrics metrics;
    private final long started = System.nanoTime();
    private boolean answered;

    PlainHttpOnTlsPort(SslContext ssl, java.time.Duration handshakeTimeout, ServerMetrics metrics) {
        this.ssl = ssl;
        this.metrics = metrics;
        this.handshakeMillis = handshakeTimeout.toMillis();
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (answered) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < RECORD_HEADER) {
            return;
        }
        if (SslHandler.isEncrypted(in, false)) {
            SslHandler tls = ssl.newHandler(ctx.alloc());
            tls.setHandshakeTimeout(handshakeMillis, TimeUnit.MILLISECONDS);
            // replace() hands the bytes read so far to the SslHandler (ByteToMessageDecoder.handlerRemoved).
            ctx.pipeline().replace(this, "tls", tls);
            return;
        }
        LOG.info("https 400 from {}: plain HTTP on the HTTPS port", AccessLog.address(ctx.channel().remoteAddress()));
        answered = true;
        long took = System.nanoTime() - started;
        metrics.request(Protocol.HTTPS, 400, took);
        AccessLog.line(ctx.channel().remoteAddress(), java.util.Optional.empty(), Protocol.HTTPS, "-", "-", 400,
                BODY.length, took);
        in.skipBytes(in.readableBytes());
        ctx.writeAndFlush(Unpooled.wrappedBuffer(ANSWER)).addListener(ChannelFutureListener.CLOSE);
    }
}
