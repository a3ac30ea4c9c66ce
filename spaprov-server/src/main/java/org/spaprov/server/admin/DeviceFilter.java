package org.spaprov.server.admin;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;
import org.spaprov.server.device.DeviceRecord;
import org.spaprov.server.feedback.status.DeviceStatus;

/**
 * The filters of {@code GET /api/v1/devices}, all optional and combined with AND: {@code model} (catalog model),
 * {@code group} (one of its groups), {@code q} (case-insensitive substring of the MAC, the serial or a variable's
 * name; never a variable's value, which may be a secret), {@code firmware} (exact version), {@code stale}
 * ({@code true|false}), {@code result} ({@code ok|failed}: its last resync or upgrade). Immutable.
 */
record DeviceFilter(Optional<String> model, Optional<String> group, Optional<String> q, Optional<String> firmware,
        Optional<Boolean> stale, Optional<String> result) {

    static DeviceFilter of(Context ctx) {
        Optional<String> stale = param(ctx, "stale");
        if (stale.isPresent() && !stale.get().equals("true") && !stale.get().equals("false")) {
            throw ApiError.invalid("stale: expected true or false, got " + DeviceApi.shown(stale.get()));
        }
        Optional<String> result = param(ctx, "result");
        if (result.isPresent() && !result.get().equals("ok") && !result.get().equals("failed")) {
            throw ApiError.invalid("result: expected ok or failed, got " + DeviceApi.shown(result.get()));
        }
        return new DeviceFilter(param(ctx, "model").map(m -> m.toLowerCase(Locale.ROOT)), param(ctx, "group"),
                param(ctx, "q").map(s -> s.toLowerCase(Locale.ROOT)), param(ctx, "firmware"),
                stale.map(Boolean::parseBoolean), result);
    }

    /** Whether the filters that need the device's status are used. */
    boolean needsStatus() {
        return firmware.isPresent() || stale.isPresent() || result.isPresent();
    }

    boolean matchesRecord(DeviceRecord d) {
        return model.map(m -> m.equals(d.model())).orElse(true)
                && group.map(g -> d.groups().contains(g)).orElse(true)
                && q.map(s -> d.mac().contains(s.replace(":", "").replace("-", ""))
                        || d.serial().map(x -> x.toLowerCase(Locale.ROOT).contains(s)).orElse(false)
                        || d.vars().keySet().stream().anyMatch(k -> k.toLowerCase(Locale.ROOT).contains(s)))
                        .orElse(true);
    }

    boolean matchesStatus(DeviceStatus s) {
        return firmware.map(f -> f.equals(s.firmware())).orElse(true)
                && stale.map(x -> x == s.stale()).orElse(true)
                && result.map(r -> r.equals(result(s.lastResync())) || r.equals(result(s.lastUpgrade())))
                        .orElse(true);
    }

    private static String result(DeviceStatus.Outcome o) {
        return o == null ? null : o.result();
    }

    private static Optional<String> param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v != null && v.length() > 128) {
            throw ApiError.invalid(name + ": longer than 128 characters");
        }
        return Optional.ofNullable(v).filter(x -> !x.isEmpty());
    }
}
