package org.spaprov.server.provision;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.spaprov.server.site.DeviceRecord;

/**
 * Caches built profiles per device (and bootstrap name) until an input changes: the site generation
 * (any site file) or the device record (store). When a rebuild gives the same content (same ETag),
 * the earlier bytes are kept, so an unrelated edit does not change what devices see; {@code If-None-Match}
 * matching the ETag → 304. Thread-safe.
 */
final class CacheStage implements Stage {
    private record Entry(long generation, Optional<DeviceRecord> device, ProvisionResult result) {
    }

    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    @Override
    public ProvisionResult handle(RequestContext ctx, Next next) {
        // Unknown devices share one entry per bootstrap name, so a MAC sweep cannot grow the cache.
        String who = ctx.device().map(d -> d.mac()).orElse("");
        // A certificate-authenticated answer may carry secrets that an anonymous one leaves out.
        String key = ctx.kind() + (ctx.name().plain() ? ":plain:" : ":") + who + ":" + ctx.name().series().orElse("")
                + (ctx.byCert() ? ":cert" : "");
        long gen = ctx.site().generation();
        Entry e = cache.get(key);
        ProvisionResult r;
        if (e != null && e.generation() == gen && Objects.equals(e.device(), ctx.device())) {
            r = e.result();
        } else {
            r = next.proceed(ctx);
            if (!r.isOk()) {
                return r;
            }
            if (e != null && e.result().etag().equals(r.etag())) {
                r = e.result();
            }
            cache.put(key, new Entry(gen, ctx.device(), r));
        }
        if (matches(ctx.request().ifNoneMatch(), r.etag())) {
            return ProvisionResult.notModified(r.etag(), ctx.mac());
        }
        return r.deviceMac().equals(ctx.mac()) ? r
                : new ProvisionResult(r.status(), r.body(), r.contentType(), r.etag(), r.reason(), ctx.mac());
    }

    /** Drops everything (bound ports changed). */
    void clear() {
        cache.clear();
    }

    /** {@code If-None-Match} against an ETag: {@code *}, a list, weak validators compared weakly. */
    static boolean matches(Optional<String> ifNoneMatch, String etag) {
        if (ifNoneMatch.isEmpty() || etag.isEmpty()) {
            return false;
        }
        String want = strip(etag);
        for (String t : ifNoneMatch.get().split(",")) {
            String s = t.trim();
            if (s.equals("*") || strip(s).equals(want)) {
                return true;
            }
        }
        return false;
    }

    private static String strip(String tag) {
        String s = tag.startsWith("W/") ? tag.substring(2) : tag;
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
