package org.spaprov.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import org.spaprov.server.provision.ProvisionResult;

/**
 * Builds responses. Bodies wrap the service's byte arrays (no copy); header names and fixed values are
 * constants, and our own headers skip validation (they are never built from request input).
 */
final class HttpResponses {
    static final AsciiString SERVER = AsciiString.cached("spaprov");
    static final AsciiString BYTES = AsciiString.cached("bytes");
    static final AsciiString ALLOW = AsciiString.cached("GET, HEAD, POST");
    static final AsciiString TEXT = AsciiString.cached("text/plain; charset=utf-8");
    private static final HttpHeadersFactory UNVALIDATED = DefaultHttpHeadersFactory.headersFactory()
            .withValidation(false);
    private static final DirectBodies BODIES = new DirectBodies();
    private static final HttpHeadersFactory TRAILERS = DefaultHttpHeadersFactory.trailersFactory()
            .withValidation(false);

    private HttpResponses() {
    }

    /** What the handler knows about the request when it answers. */
    record Ask(HttpVersion version, boolean keepAlive, boolean head, boolean firmware, String range,
            String ifRange) {
    }

    /**
     * The response to a provisioning GET/HEAD. 304 is the service's decision ({@code ConditionalStage}) and is
     * answered with its validator only: no body and no {@code Content-Length} (RFC 9110 §15.4.5: it would
     * describe a zero-length representation). Ranges are decided here, on 200s of firmware only.
     */
    static FullHttpResponse forResult(Ask ask, ProvisionResult r, AsciiString date) {
        byte[] body = r.body() == null ? new byte[0] : r.body();
        String etag = ETags.quote(r.etag());
        if (r.status() == 304) {
            FullHttpResponse res = empty(ask, HttpResponseStatus.NOT_MODIFIED, date);
            decorate(res.headers(), etag, ask.firmware());
            return res;
        }
        if (r.status() == 200 && ask.firmware() && ask.range() != null
                && (ask.ifRange() == null || ask.ifRange().equals(etag))) {
            switch (ByteRange.parse(ask.range(), body.length)) {
                case ByteRange.Partial p -> {
                    FullHttpResponse res = withBody(ask, HttpResponseStatus.PARTIAL_CONTENT, body,
                            (int) p.range().first(), (int) p.range().length(), r.contentType(), date);
                    res.headers().set(HttpHeaderNames.CONTENT_RANGE,
                            "bytes " + p.range().first() + '-' + p.range().last() + '/' + body.length);
                    decorate(res.headers(), etag, true);
                    return res;
                }
                case ByteRange.Unsatisfiable u -> {
                    FullHttpResponse res = empty(ask, HttpResponseStatus.REQUESTED_RANGE_NOT_SATISFIABLE, date);
                    res.headers().set(HttpHeaderNames.CONTENT_RANGE, "bytes */" + body.length);
                    return res;
                }
                case ByteRange.Whole w -> {
                    // fall through to a full 200
                }
            }
        }
        FullHttpResponse res = withBody(ask, HttpResponseStatus.valueOf(r.status()), body, 0, body.length,
                r.contentType(), date);
        if (r.status() == 200) {
            decorate(res.headers(), etag, ask.firmware());
        }
        if (r.status() == 429 || r.status() == 503) {
            res.headers().set(HttpHeaderNames.RETRY_AFTER, "60");
        }
        return res;
    }

    /** A response with a status and a short text body (errors the transport decides itself). */
    static FullHttpResponse status(Ask ask, HttpResponseStatus status, AsciiString date) {
        byte[] text = (status.code() + " " + status.reasonPhrase() + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        FullHttpResponse res = withBody(ask, status, text, 0, text.length, null, date);
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, TEXT);
        if (status == HttpResponseStatus.METHOD_NOT_ALLOWED) {
            res.headers().set(HttpHeaderNames.ALLOW, ALLOW);
        }
        return res;
    }

    private static void decorate(HttpHeaders h, String etag, boolean firmware) {
        if (etag != null) {
            h.set(HttpHeaderNames.ETAG, etag);
        }
        if (firmware) {
            h.set(HttpHeaderNames.ACCEPT_RANGES, BYTES);
        }
    }

    private static FullHttpResponse empty(Ask ask, HttpResponseStatus status, AsciiString date) {
        FullHttpResponse res = new DefaultFullHttpResponse(ask.version(), status, Unpooled.EMPTY_BUFFER,
                UNVALIDATED, TRAILERS);
        common(res.headers(), ask, date);
        if (status != HttpResponseStatus.NOT_MODIFIED) {
            res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        }
        return res;
    }

    private static FullHttpResponse withBody(Ask ask, HttpResponseStatus status, byte[] body, int offset, int length,
            String contentType, AsciiString date) {
        // HEAD: same headers as GET (Content-Length of the body), no body bytes.
        ByteBuf content = ask.head() || length == 0 ? Unpooled.EMPTY_BUFFER
                : BODIES.wrap(body, offset, length);
        FullHttpResponse res = new DefaultFullHttpResponse(ask.version(), status, content, UNVALIDATED, TRAILERS);
        HttpHeaders h = res.headers();
        common(h, ask, date);
        h.setInt(HttpHeaderNames.CONTENT_LENGTH, length);
        if (contentType != null && length > 0) {
            h.set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        return res;
    }

    private static void common(HttpHeaders h, Ask ask, AsciiString date) {
        h.set(HttpHeaderNames.SERVER, SERVER);
        h.set(HttpHeaderNames.DATE, date);
        if (!ask.keepAlive()) {
            h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (ask.version() == HttpVersion.HTTP_1_0) {
            h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
    }
}
