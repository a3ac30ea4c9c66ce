package org.spaprov.server.admin;

import io.javalin.http.Context;
import java.util.List;
import org.spaprov.profile.Mac;
import org.spaprov.server.feedback.drift.Drift;
import org.spaprov.server.feedback.drift.DriftService;
import org.spaprov.server.site.SiteException;

/**
 * {@code GET /api/v1/devices/{mac}/drift} (declared in {@link ApiRoutes}): the device's latest report
 * against its intended profile. Secret values show as {@value Drift#MASK}. Thread-safe.
 */
final class DriftApi {
    private final DriftService drift;

    DriftApi(DriftService drift) {
        this.drift = drift;
    }

    /**
     * {@code {"mac":…, "reportAt":…, "error": null | "why the report cannot be compared", "drift":[{"name":…,
     * "intended":…, "reported":…}]}}.
     */
    record View(String mac, String reportAt, String error, List<Drift.Entry> drift) {
    }

    void one(Context ctx) {
        String raw = ctx.pathParam("mac");
        String mac = Mac.tryParse(raw).map(Mac::hex).orElseThrow(() -> ApiError.invalid("not a MAC address"));
        Drift d;
        try {
            d = drift.of(mac).orElseThrow(() -> ApiError.notFound("no report from device " + mac + " yet"));
        } catch (SiteException e) {
            throw ApiError.notFound("device " + mac + ": its profile does not build: " + e.getMessage());
        }
        ctx.json(new View(d.mac(), d.reportAt().toString(), d.error().orElse(null), d.drift()));
    }
}
