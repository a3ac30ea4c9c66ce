package org.spaprov.server.admin;

import io.javalin.http.Context;
import java.util.EnumMap;
import java.util.Map;
import org.spaprov.server.device.DeviceRecord;
import org.spaprov.server.provision.ServerCore;
import org.spaprov.server.store.Store;

/**
 * {@code GET /metrics}: a few numbers that cost nothing to read, in the Prometheus text exposition
 * format 0.0.4, written by hand (no metrics library for five lines). Counters count since this
 * process opened the store. Thread-safe.
 */
final class MetricsApi {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final ServerCore core;

    MetricsApi(ServerCore core) {
        this.core = core;
    }

    void scrape(Context ctx) {
        ctx.contentType(CONTENT_TYPE).result(render());
    }

    /** The current values as exposition text. */
    String render() {
        Store store = core.store();
        Map<DeviceRecord.Source, Integer> bySource = new EnumMap<>(DeviceRecord.Source.class);
        for (DeviceRecord.Source s : DeviceRecord.Source.values()) {
            bySource.put(s, 0);
        }
        store.devices().forEach(d -> bySource.merge(d.source(), 1, Integer::sum));
        StringBuilder out = new StringBuilder(512);
        family(out, "spaprov_devices", "gauge", "Devices known to the store, by where they come from.");
        bySource.forEach((s, n) -> out.append("spaprov_devices{source=\"")
                .append(s.name().toLowerCase(java.util.Locale.ROOT)).append("\"} ").append(n).append('\n'));
        family(out, "spaprov_events_written_total", "counter", "Provisioning events written to the store.");
        out.append("spaprov_events_written_total ").append(store.writtenEvents()).append('\n');
        family(out, "spaprov_events_dropped_total", "counter",
                "Provisioning events dropped because the write queue was full.");
        out.append("spaprov_events_dropped_total ").append(store.droppedEvents()).append('\n');
        family(out, "spaprov_site_reload_failed", "gauge",
                "1 when the last reload of the site failed (the last good site keeps serving).");
        out.append("spaprov_site_reload_failed ").append(core.siteError().isPresent() ? 1 : 0).append('\n');
        return out.toString();
    }

    private static void family(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }
}
