package org.spaprov.server.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spaprov.server.provision.PathGuard;
import org.spaprov.server.runtime.FatalErrors;
import org.spaprov.server.provision.Protocol;
import org.spaprov.server.provision.ProvisionRequest;
import org.spaprov.server.provision.ProvisionResult;

/**
 * Turns aggregated HTTP requests into {@link ProvisionRequest}s and the {@link ProvisionResult}s into responses:
 * GET/HEAD → {@link org.spaprov.server.provision.ProvisionService}, POST → {@link
 * org.spaprov.server.provision.ReportSink}. Adds {@code ETag}, renders the service's 304 without a body or length,
 * honours single {@code Range}s on {@code /firmware/} (206/416), sets {@code Content-Length} and {@code Connection}.
 * Decoder failures become 414 (request line), 431 (headers) or 400; a major version other than 1 becomes 505,
 * an HTTP/1.1 request without exactly one {@code Host} 400 (all these close the connection); a path
 * {@link PathGuard} refuses becomes 400 before any service call.
 *
 * <p>Goes last in the pipeline, after {@code HttpObjectAggregator} (see {@link HttpServerInitializer}). Not
 * sharable: one instance per connection, holding the peer certificate and the queue of pipelined requests
 * (answered in order, one at a time). Service calls run on {@link HttpBackend#executor()}.
 */
public final class ProvisionHttpHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ProvisionHttpHandler.class);
    private static final InetSocketAddress UNKNOWN_REMOTE =
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    private static final ProvisionResult FAILED = new ProvisionResult(500, new byte[0], null, null,
            "service failed", Optional.empty());

    private final HttpBackend backend;
    private final Protocol protocol;
    private final HttpDate date;
    private final ArrayDeque<FullHttpRequest> pending = new ArrayDeque<>(2);
    private InetSocketAddress remote = UNKNOWN_REMOTE;
    private Optional<X509Certificate> peerCert = Optional.empty();
    private boolean busy;
    private boolean reading;
    private boolean flushPending;
    /** The request being answered (one at a time per connection), for the access log. */
    private String logMethod = "-";
    private String logTarget = "-";
    private Optional<String> logDevice = Optional.empty();

    ProvisionHttpHandler(HttpBackend backend, Protocol protocol, HttpDate date) {
        this.backend = backend;
        this.protocol = protocol;
        this.date = date;
    }

    // ---------------------------------------------------------------- channel events

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (ctx.channel().remoteAddress() instanceof InetSocketAddress a) {
            remote = a;
        }
        super.channelActive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof SslHandshakeCompletionEvent hs && hs.isSuccess()) {
            peerCert = peerCertificate(ctx);
        } else if (evt instanceof IdleStateEvent) {
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest req)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        reading = true;
        if (busy) {
            if (pending.size() >= backend.limits().maxPipelined()) {
                req.release();
                ctx.close();
                return;
            }
            pending.add(req);
            return;
        }
        start(ctx, req);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        reading = false;
        if (flushPending) {
            flushPending = false;
            ctx.flush();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        FullHttpRequest r;
        while ((r = pending.poll()) != null) {
            r.release();
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        FatalErrors.check(cause);
        // Resets and TLS failures are the client's business; never a stack trace per connection.
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} closed: {}", protocol, remote, cause.toString());
        }
        ctx.close();
    }

    // ---------------------------------------------------------------- requests

    private void start(ChannelHandlerContext ctx, FullHttpRequest req) {
        long t0 = System.nanoTime();
        logMethod = req.method().name();
        logTarget = req.uri();
        logDevice = Optional.empty();
        try {
            HttpHeaders h = req.headers();
            boolean keepAlive = HttpUtil.isKeepAlive(req);
            HttpMethod method = req.method();
            boolean head = method == HttpMethod.HEAD;
            HttpResponses.Ask ask = new HttpResponses.Ask(req.protocolVersion(), keepAlive, head, false, null, null);
            DecoderResult dr = req.decoderResult();
            if (dr.isFailure()) {
                HttpResponseStatus status = statusFor(dr.cause());
                LOG.info("{} {} from {}: bad request: {}", protocol, status.code(), remote.getAddress().getHostAddress(),
                        dr.cause().getMessage());
                refuse(ctx, status, t0);
                return;
            }
            if (req.protocolVersion().majorVersion() != 1) {
                // nginx's answer too; Netty would otherwise echo any "HTTP/x.y" it parsed.
                LOG.info("{} 505 from {}: version {}", protocol, remote.getAddress().getHostAddress(),
                        PathGuard.printable(req.protocolVersion().text()));
                refuse(ctx, HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED, t0);
                return;
            }
            if (req.protocolVersion().minorVersion() >= 1 && hostCount(h) != 1) {
                // RFC 9112 §3.2: a 1.1 request without Host, or with several, gets 400.
                LOG.info("{} 400 from {}: {} Host header", protocol, remote.getAddress().getHostAddress(),
                        hostCount(h) == 0 ? "no" : "more than one");
                refuse(ctx, HttpResponseStatus.BAD_REQUEST, t0);
                return;
            }
            String path = RequestPaths.originForm(req.uri());
            if (path == null || PathGuard.check(path) instanceof PathGuard.Refused) {
                LOG.info("{} 400 from {}: path refused: {}", protocol, remote.getAddress().getHostAddress(),
                        PathGuard.printable(req.uri()));
                respond(ctx, ask, HttpResponses.status(ask, HttpResponseStatus.BAD_REQUEST, date.now()), t0);
                return;
            }
            ProvisionRequest pr = new ProvisionRequest(protocol, path, remote,
                    Optional.ofNullable(h.get(HttpHeaderNames.USER_AGENT)), peerCert,
                    Optional.ofNullable(h.get(HttpHeaderNames.IF_NONE_MATCH)));
            if (head || method == HttpMethod.GET) {
                boolean firmware = path.startsWith("/firmware/");
                ask = new HttpResponses.Ask(req.protocolVersion(), keepAlive, head, firmware,
                        firmware ? h.get(HttpHeaderNames.RANGE) : null, firmware ? h.get(HttpHeaderNames.IF_RANGE) : null);
                dispatch(ctx, new Call(ctx, ask, pr, null, t0));
            } else if (method == HttpMethod.POST) {
                dispatch(ctx, new Call(ctx, ask, pr, ByteBufUtil.getBytes(req.content()), t0));
            } else {
                respond(ctx, ask, HttpResponses.status(ask, HttpResponseStatus.METHOD_NOT_ALLOWED, date.now()), t0);
            }
        } finally {
            req.release();
        }
    }

    /**
     * Answers a request the transport refuses itself, as HTTP/1.1 (what we speak, whatever version the request
     * claimed, or the decoder's placeholder said), and closes: the framing may be unsound.
     */
    private void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, long t0) {
        HttpResponses.Ask bad = new HttpResponses.Ask(HttpVersion.HTTP_1_1, false, false, false, null, null);
        respond(ctx, bad, HttpResponses.status(bad, status, date.now()), t0);
    }

    /** 0, 1, or 2 for "more than one". */
    private static int hostCount(HttpHeaders h) {
        var it = h.valueStringIterator(HttpHeaderNames.HOST);
        int n = 0;
        while (n < 2 && it.hasNext()) {
            it.next();
            n++;
        }
        return n;
    }

    private void dispatch(ChannelHandlerContext ctx, Call call) {
        busy = true;
        try {
            (call.body == null ? backend.executor() : backend.reportExecutor()).execute(call);
        } catch (RejectedExecutionException e) {
            LOG.warn("{} 503 to {}: service queue full", protocol, remote.getAddress().getHostAddress());
            busy = false;
            respond(ctx, call.ask, HttpResponses.status(call.ask, HttpResponseStatus.SERVICE_UNAVAILABLE, date.now()),
                    call.started);
        }
    }

    /** Runs on the event loop: writes the answer, then starts the next pipelined request. */
    private void complete(ChannelHandlerContext ctx, Call call, ProvisionResult result) {
        busy = false;
        logDevice = result.deviceMac();
        FullHttpResponse res = call.body == null
                ? HttpResponses.forResult(call.ask, result, date.now())
                : HttpResponses.status(call.ask, HttpResponseStatus.valueOf(result.status()), date.now());
        respond(ctx, call.ask, res, call.started);
        FullHttpRequest next;
        while (!busy && ctx.channel().isActive() && (next = pending.poll()) != null) {
            start(ctx, next);
        }
    }

    /** Writes {@code res} (counted and timed from {@code t0}) and closes after it unless kept alive. */
    private void respond(ChannelHandlerContext ctx, HttpResponses.Ask ask, FullHttpResponse res, long t0) {
        long took = System.nanoTime() - t0;
        backend.metrics().request(protocol, res.status().code(), took);
        AccessLog.line(remote, logDevice, protocol, logMethod, logTarget, res.status().code(),
                res.content().readableBytes(), took);
        if (!ask.keepAlive()) {
            ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
        } else if (reading) {
            // Inside channelRead: channelReadComplete flushes once for all pipelined answers.
            ctx.write(res, ctx.voidPromise());
            flushPending = true;
        } else {
            ctx.writeAndFlush(res, ctx.voidPromise());
        }
    }

    static HttpResponseStatus statusFor(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return HttpResponseStatus.REQUEST_URI_TOO_LONG;
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        }
        if (cause instanceof TooLongFrameException) {
            return HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE;
        }
        return HttpResponseStatus.BAD_REQUEST;
    }

    private static Optional<X509Certificate> peerCertificate(ChannelHandlerContext ctx) {
        SslHandler ssl = ctx.pipeline().get(SslHandler.class);
        if (ssl == null) {
            return Optional.empty();
        }
        try {
            Certificate[] chain = ssl.engine().getSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x ? Optional.of(x) : Optional.empty();
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------- the service call

    /** One service call: runs on the backend executor, answers on the connection's event loop. */
    private final class Call implements Runnable {
        final ChannelHandlerContext ctx;
        final HttpResponses.Ask ask;
        final ProvisionRequest request;
        final byte[] body;
        final long started;

        Call(ChannelHandlerContext ctx, HttpResponses.Ask ask, ProvisionRequest request, byte[] body, long started) {
            this.started = started;
            this.ctx = ctx;
            this.ask = ask;
            this.request = request;
            this.body = body;
        }

        @Override
        public void run() {
            ProvisionResult result;
            try {
                result = body == null ? backend.service().handle(request)
                        : new ProvisionResult(backend.reports().accept(request, body), null, null, null, "report",
                                Optional.empty());
            } catch (RuntimeException | Error e) {
                FatalErrors.check(e);
                LOG.error("{} 500 for {} from {}: {}", protocol, PathGuard.printable(request.path()),
                        request.remote().getAddress().getHostAddress(), e.toString());
                result = FAILED;
            }
            EventLoop loop = ctx.channel().eventLoop();
            if (loop.inEventLoop()) {
                complete(ctx, this, result);
            } else {
                ProvisionResult r = result;
                loop.execute(() -> {
                    try {
                        complete(ctx, this, r);
                    } catch (RuntimeException | Error e) {
                        // Netty would log and carry on; a fatal error must end the process instead.
                        FatalErrors.check(e);
                        LOG.error("{} answering {} failed: {}", protocol, PathGuard.printable(request.path()),
                                e.toString());
                        ctx.close();
                    }
                });
            }
        }
    }

}
