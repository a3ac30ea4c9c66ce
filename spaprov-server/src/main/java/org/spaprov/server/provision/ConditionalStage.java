package org.spaprov.server.provision;

import java.util.Optional;

/**
 * The one owner of conditional GET (RFC 9110 §13): a 200 whose ETag an {@code If-None-Match} list matches
 * (weak comparison, or {@code *}) becomes 304, so the event records what the device was actually answered.
 * Byte ranges ({@code Range}/{@code If-Range}) are HTTP's alone and stay in the transport.
 * {@code If-Modified-Since} is ignored: the server sends no {@code Last-Modified}, and RFC 9110 §13.1.3 has a
 * recipient ignore it when it cannot compare. Stateless.
 */
final class ConditionalStage implements Stage {
    @Override
    public ProvisionResult handle(RequestContext ctx, Next next) {
        ProvisionResult r = next.proceed(ctx);
        if (r.isOk() && noneMatchHits(ctx.request().ifNoneMatch(), r.etag())) {
            return ProvisionResult.notModified(r.etag(), r.deviceMac());
        }
        return r;
    }

    /** {@code If-None-Match} against an ETag (quoted or not): {@code *}, a list, weak validators compared weakly. */
    static boolean noneMatchHits(Optional<String> ifNoneMatch, String etag) {
        if (ifNoneMatch.isEmpty() || etag.isEmpty()) {
            return false;
        }
        String want = opaque(etag);
        String list = ifNoneMatch.get();
        int i = 0;
        int n = list.length();
        while (i < n) {
            int comma = list.indexOf(',', i);
            int end = comma < 0 ? n : comma;
            String tag = list.substring(i, end).trim();
            if (tag.equals("*") || (!tag.isEmpty() && opaque(tag).equals(want))) {
                return true;
            }
            i = end + 1;
        }
        return false;
    }

    private static String opaque(String tag) {
        String s = tag.startsWith("W/") ? tag.substring(2) : tag;
        return s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"'
                ? s.substring(1, s.length() - 1) : s;
    }
}
