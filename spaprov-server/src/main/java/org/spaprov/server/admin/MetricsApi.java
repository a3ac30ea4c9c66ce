package org.spaprov.server.admin;

import io.javalin.http.Context;
import java.util.Locale;
import org.spaprov.server.provision.ServerMetrics;
import java.util.EnumMap;
import java.util.Map;
import org.spaprov.server.device.DeviceRecord;
import org.spaprov.server.provision.ServerCore;
import org.spaprov.server.store.Store;

/**
 * {@code GET /metrics}: the scrape of the server's Micrometer registry ({@link ServerMetrics}) in the Prometheus
 * text exposition format 0.0.4. Besides the meters the transports and the chain count into, it registers the
 * store's and the site's: devices by source, events written, dropped and queued, and whether the last site reload
 * failed. Counters count since this process started. Thread-safe.
 */
final class MetricsApi {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final ServerCore core;

    MetricsApi(ServerCore core) {
        this.core = core;
        ServerMetrics m = core.metrics();
        Store store = core.store();
        for (DeviceRecord.Source s : DeviceRecord.Source.values()) {
            m.gauge("spaprov.devices", "Devices known to the store, by where they come from.", "source",
                    s.name().toLowerCase(Locale.ROOT), () -> store.devices().stream().filter(d -> d.source() == s).count());
        }
        m.functionCounter("spaprov.events.written", "Provisioning events written to the store.", store,
                Store::writtenEvents);
        m.functionCounter("spaprov.events.dropped", "Provisioning events dropped because the write queue was full.",
                store, Store::droppedEvents);
        m.gauge("spaprov.events.queued", "Events and contacts waiting in the store's write queue.", store,
                Store::queuedEvents);
        m.gauge("spaprov.site.reload.failed",
                "1 when the last reload of the site failed (the last good site keeps serving).", core,
                c -> c.siteError().isPresent() ? 1 : 0);
    }

    void scrape(Context ctx) {
        ctx.contentType(CONTENT_TYPE).result(render());
    }

    /** The current values as exposition text. */
    String render() {
        return core.metrics().scrape();
    }
}
