package org.spaprov.server.provision;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.spaprov.server.device.DeviceRecord;

/**
 * Caches built profiles per device (and bootstrap name) until an input changes: the site generation
 * (any site file) or the device record (store). When a rebuild gives the same content (same ETag),
 * the earlier bytes are kept, so an unrelated edit does not change what devices see (and their
 * {@code If-None-Match} keeps hitting: {@link ConditionalStage}). Thread-safe.
 */
final class CacheStage implements Stage {
    private record Entry(long generation, Optional<DeviceRecord> device, ProvisionResult result) {
    }

    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    private final ServerMetrics metrics;

    CacheStage(ServerMetrics metrics) {
        this.metrics = metrics;
    }

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
            metrics.cacheHit();
        } else {
            metrics.cacheMiss();
            r = next.proceed(ctx);
            if (!r.isOk()) {
                return r;
            }
            if (e != null && e.result().etag().equals(r.etag())) {
                r = e.result();
            }
            cache.put(key, new Entry(gen, ctx.device(), r));
        }
        return r.deviceMac().equals(ctx.mac()) ? r
                : new ProvisionResult(r.status(), r.body(), r.contentType(), r.etag(), r.reason(), ctx.mac());
    }
}
