package org.spaprov.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deadline for each request head ({@link HttpLimits#headTimeout()}), however slowly its bytes trickle in: the
 * idle timer restarts on every byte, this one does not (slowloris). Armed when the connection opens and when the
 * first bytes of a later request arrive; disarmed when the decoder has the head; when it fires the connection is
 * closed. Two handlers around the HTTP decoder share one instance: {@link #bytes()} before it, {@link #heads()}
 * after it. One instance per connection; event-loop confined.
 */
final class RequestHeadDeadline {
    private static final Logger LOG = LoggerFactory.getLogger(RequestHeadDeadline.class);

    private final long nanos;
    private final ConnectionGate gate;
    private ScheduledFuture<?> timer;
    private boolean inMessage;

    /** @param gate told when the first head arrives (the connection is then no slowloris to evict); may be null */
    RequestHeadDeadline(java.time.Duration timeout, ConnectionGate gate) {
        this.nanos = timeout.toNanos();
        this.gate = gate;
    }

    /** Goes before the HTTP decoder (after TLS): arms on connection start and on the bytes of a new request. */
    ChannelInboundHandlerAdapter bytes() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelActive(ChannelHandlerContext ctx) throws Exception {
                arm(ctx);
                super.channelActive(ctx);
            }

            @Override
            public void handlerAdded(ChannelHandlerContext ctx) {
                if (ctx.channel().isActive()) {
                    arm(ctx);
                }
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (!inMessage && timer == null) {
                    arm(ctx);
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) throws Exception {
                disarm();
                super.channelInactive(ctx);
            }
        };
    }

    /** Goes after the HTTP decoder: a decoded head disarms, the end of its body lets the next request arm. */
    ChannelInboundHandlerAdapter heads() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof HttpRequest) {
                    disarm();
                    inMessage = true;
                    if (gate != null) {
                        gate.headSeen(ctx.channel());
                    }
                }
                if (msg instanceof LastHttpContent) {
                    inMessage = false;
                }
                ctx.fireChannelRead(msg);
            }
        };
    }

    private void arm(ChannelHandlerContext ctx) {
        if (timer != null) {
            return;
        }
        timer = ctx.executor().schedule(() -> {
            timer = null;
            if (LOG.isDebugEnabled()) {
                LOG.debug("{}: request head not complete within {} ms, closed", ctx.channel().remoteAddress(),
                        TimeUnit.NANOSECONDS.toMillis(nanos));
            }
            ctx.close();
        }, nanos, TimeUnit.NANOSECONDS);
    }

    private void disarm() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
