package org.spaprov.server.http;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * {@link HttpObjectAggregator} for the requests that carry a body (reports: POST), and a pass-through for the
 * ones that do not (a device's GET or HEAD with neither {@code Content-Length} nor {@code Transfer-Encoding}):
 * those reach {@link ProvisionHttpHandler} as the decoder's {@link HttpRequest}, followed by its empty
 * {@link LastHttpContent}, with no aggregated message or composite buffer built per request. Not sharable.
 */
final class RequestAggregator extends HttpObjectAggregator {
    /** Between a passed-through request and its last content. */
    private boolean passing;

    RequestAggregator(int maxContentLength) {
        super(maxContentLength);
    }

    @Override
    public boolean acceptInboundMessage(Object msg) throws Exception {
        if (passing) {
            if (msg instanceof LastHttpContent) {
                passing = false;
            }
            if (msg instanceof HttpContent) {
                return false;
            }
        }
        if (msg instanceof HttpRequest r && !(msg instanceof FullHttpRequest) && bodiless(r)) {
            passing = true;
            return false;
        }
        return super.acceptInboundMessage(msg);
    }

    private static boolean bodiless(HttpRequest r) {
        HttpMethod m = r.method();
        return (m == HttpMethod.GET || m == HttpMethod.HEAD) && r.decoderResult().isSuccess()
                && !r.headers().contains(HttpHeaderNames.CONTENT_LENGTH)
                && !r.headers().contains(HttpHeaderNames.TRANSFER_ENCODING);
    }
}
