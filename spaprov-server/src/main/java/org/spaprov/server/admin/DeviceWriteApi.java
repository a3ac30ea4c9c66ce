package org.spaprov.server.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spaprov.profile.Mac;
import org.spaprov.server.device.DeviceRecord;
import org.spaprov.server.device.DeviceRecord.Source;
import org.spaprov.server.provision.ServerCore;
import org.spaprov.server.site.DevicesCsv;
import org.spaprov.server.site.SiteException;

/**
 * The device inventory's write routes (declared in {@link ApiRoutes}): devices added here are stored with
 * source {@code api}; those of the site's {@code devices.csv} are read-only here (409). Devices are checked
 * as the site's file is ({@link DevicesCsv#record}). Keys and variable values are write-only: answers show
 * them as {@link DeviceView} does (names, whether a key is set), and the store seals them. A write that
 * does not give a key or variables keeps the stored ones ({@code "key": ""} and {@code "vars": {}} remove
 * them in a PUT). Thread-safe; writes are serialised so an import is all-or-nothing against other writes.
 */
final class DeviceWriteApi {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceWriteApi.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final Pattern VAR_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** Row errors listed in one refused import (the count says how many there were). */
    static final int MAX_ROW_ERRORS = 100;
    /** Variables per device and the longest value accepted. */
    static final int MAX_VARS = 200;
    static final int MAX_VAR_LENGTH = 1024;

    private final ServerCore core;
    private final Object writes = new Object();

    DeviceWriteApi(ServerCore core) {
        this.core = core;
    }

    /**
     * A device as written through the API; every field but {@code mac} and {@code model} may be left out.
     *
     * @param groups group layers in the order they apply
     * @param key    the AES pass phrase (write-only); absent keeps the stored one, {@code ""} removes it
     * @param vars   server-side variables (write-only values); absent keeps the stored ones
     */
    record DeviceInput(String mac, String model, String serial, List<String> groups, String key,
            Map<String, String> vars) {
    }

    /** One refused row of an import. */
    record RowError(int line, String error) {
    }

    /** {@code {"status":400,"error":"...","rows":[...]}}: an import refused as a whole. */
    record ImportRefused(int status, String error, List<RowError> rows) {
    }

    /** {@code {"imported":N,"created":N,"replaced":N}}. */
    record Imported(int imported, int created, int replaced) {
    }

    /** {@code POST /api/v1/devices}: adds a device; 409 when its MAC is known. */
    void create(Context ctx) {
        DeviceInput in = input(ctx);
        DeviceRecord d = record(in, Optional.empty());
        synchronized (writes) {
            if (siteOwns(d.mac()) || core.store().device(d.mac()).isPresent()) {
                throw ApiError.conflict("device " + d.mac() + " exists; PUT /api/v1/devices/" + d.mac()
                        + " replaces an API device");
            }
            core.store().putDevice(d);
        }
        LOG.info("admin: device {} added through the API by token '{}'", d.mac(), who(ctx));
        ctx.status(201).header("Location", ApiRoutes.BASE + "/devices/" + d.mac())
                .json(DeviceView.of(d, Optional.empty(), null));
    }

    /** {@code PUT /api/v1/devices/{mac}}: adds or replaces an API device. */
    void replace(Context ctx) {
        String mac = pathMac(ctx);
        DeviceInput in = input(ctx);
        if (in.mac() != null && !Mac.tryParse(in.mac()).map(Mac::hex).orElse("").equals(mac)) {
            throw ApiError.invalid("the body's mac differs from the path's " + mac);
        }
        boolean created;
        DeviceRecord d;
        synchronized (writes) {
            refuseSite(mac);
            Optional<DeviceRecord> old = core.store().device(mac);
            d = record(new DeviceInput(mac, in.model(), in.serial(), in.groups(), in.key(), in.vars()), old);
            core.store().putDevice(d);
            created = old.isEmpty();
        }
        LOG.info("admin: device {} {} through the API by token '{}'", mac, created ? "added" : "replaced", who(ctx));
        ctx.status(created ? 201 : 200).json(DeviceView.of(d, core.store().lastContact(mac), null));
    }

    /** {@code DELETE /api/v1/devices/{mac}}: removes an API (or auto-added) device. */
    void delete(Context ctx) {
        String mac = pathMac(ctx);
        synchronized (writes) {
            refuseSite(mac);
            if (!core.store().deleteDevice(mac)) {
                throw ApiError.notFound("no device " + mac);
            }
        }
        LOG.info("admin: device {} removed through the API by token '{}'", mac, who(ctx));
        ctx.status(204);
    }

    /**
     * {@code POST /api/v1/devices:import}: a CSV with the columns of {@code devices.csv}. Every row is checked
     * first; any refused row refuses the whole upload (400 with each row's line and reason), else every device
     * is stored in one transaction.
     */
    void importCsv(Context ctx) {
        List<DevicesCsv.Row> rows;
        try {
            rows = DevicesCsv.rows(ctx.bodyAsBytes(), "upload");
        } catch (SiteException e) {
            throw ApiError.invalid(e.getMessage());
        }
        List<RowError> errors = new ArrayList<>();
        int errorCount = 0;
        Map<String, DeviceRecord> wanted = new LinkedHashMap<>();
        int created = 0;
        synchronized (writes) {
            for (DevicesCsv.Row r : rows) {
                String problem;
                try {
                    DeviceRecord d = r.record(groupExists(), Source.API);
                    Optional<DeviceRecord> old = core.store().device(d.mac());
                    if (siteOwns(d.mac())) {
                        problem = "device " + d.mac() + " comes from the site's devices.csv (read-only through the API)";
                    } else if (wanted.containsKey(d.mac())) {
                        problem = "device " + d.mac() + " is listed twice";
                    } else {
                        wanted.put(d.mac(), keepSecrets(d, old, r.fields().getOrDefault("key", "").isEmpty()));
                        created += old.isEmpty() ? 1 : 0;
                        continue;
                    }
                } catch (IllegalArgumentException e) {
                    problem = e.getMessage();
                }
                errorCount++;
                if (errors.size() < MAX_ROW_ERRORS) {
                    errors.add(new RowError(r.line(), problem));
                }
            }
            if (errorCount > 0) {
                ctx.status(400).json(new ImportRefused(400, errorCount + " of " + rows.size()
                        + " rows refused; nothing imported", errors));
                return;
            }
            core.store().putDevices(wanted.values());
        }
        LOG.info("admin: {} devices imported through the API ({} new) by token '{}'", wanted.size(), created, who(ctx));
        ctx.json(new Imported(wanted.size(), created, wanted.size() - created));
    }

    /**
     * {@code GET /api/v1/devices:export[?source=site|api|auto]}: the devices as a CSV that {@code devices:import}
     * (or {@code devices.csv}) reads back, without keys or variables (write-only), sorted by MAC.
     */
    void exportCsv(Context ctx) {
        String raw = ctx.queryParam("source");
        Optional<Source> only;
        try {
            only = raw == null ? Optional.empty() : Optional.of(Source.valueOf(raw.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("source: expected site, api or auto");
        }
        StringBuilder csv = new StringBuilder("mac,model,serial,groups\n");
        core.store().devices().stream()
                .filter(d -> only.isEmpty() || d.source() == only.get())
                .sorted(Comparator.comparing(DeviceRecord::mac))
                .forEach(d -> csv.append(d.mac()).append(',').append(field(d.model())).append(',')
                        .append(field(d.serial().orElse(""))).append(',').append(field(String.join(";", d.groups())))
                        .append('\n'));
        ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=devices.csv")
                .result(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- private

    private static DeviceInput input(Context ctx) {
        try {
            DeviceInput in = JSON.readValue(ctx.bodyAsBytes(), DeviceInput.class);
            if (in == null) {
                throw ApiError.invalid("body: expected a JSON object with mac and model");
            }
            return in;
        } catch (UnrecognizedPropertyException e) {
            throw ApiError.invalid("body: unknown field '" + e.getPropertyName()
                    + "' (known: mac, model, serial, groups, key, vars)");
        } catch (JsonProcessingException e) {
            // Jackson's message may quote the body, which may hold a key: say only where.
            throw ApiError.invalid("body: not a device JSON object (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        } catch (java.io.IOException e) {
            throw ApiError.invalid("body: cannot be read");
        }
    }

    /** The record {@code in} describes, secrets it leaves out taken from {@code old}. */
    private DeviceRecord record(DeviceInput in, Optional<DeviceRecord> old) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("mac", in.mac() == null ? "" : in.mac());
        row.put("model", in.model() == null ? "" : in.model());
        row.put("serial", in.serial() == null ? "" : in.serial());
        row.put("groups", in.groups() == null ? "" : String.join(";", in.groups()));
        row.put("key", in.key() == null ? "" : in.key());
        Map<String, String> vars = in.vars() == null ? Map.of() : in.vars();
        if (vars.size() > MAX_VARS) {
            throw ApiError.invalid("vars: at most " + MAX_VARS + " variables");
        }
        for (Map.Entry<String, String> v : vars.entrySet()) {
            if (!VAR_NAME.matcher(v.getKey()).matches()) {
                throw ApiError.invalid("vars: bad variable name (1..64 of A-Z a-z 0-9 _ . -)");
            }
            if (v.getValue() == null || v.getValue().length() > MAX_VAR_LENGTH) {
                throw ApiError.invalid("vars." + v.getKey() + ": a string of at most " + MAX_VAR_LENGTH + " characters");
            }
        }
        if (in.groups() != null && in.groups().stream().anyMatch(g -> g == null || g.isBlank() || g.contains(";"))) {
            throw ApiError.invalid("groups: each group is one non-empty name");
        }
        DeviceRecord d;
        try {
            d = DevicesCsv.record(row, vars, groupExists(), Source.API);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid(e.getMessage());
        }
        if (old.isEmpty()) {
            return d;
        }
        Optional<String> key = in.key() == null ? old.get().key() : d.key();
        Map<String, String> keptVars = in.vars() == null ? old.get().vars() : d.vars();
        return new DeviceRecord(d.mac(), d.model(), d.serial(), d.groups(), key, keptVars, Source.API);
    }

    /** An imported row keeps the stored key when it gives none, and the stored variables it does not name. */
    private static DeviceRecord keepSecrets(DeviceRecord d, Optional<DeviceRecord> old, boolean noKey) {
        if (old.isEmpty()) {
            return d;
        }
        Map<String, String> vars = new LinkedHashMap<>(old.get().vars());
        vars.putAll(d.vars());
        return new DeviceRecord(d.mac(), d.model(), d.serial(), d.groups(), noKey ? old.get().key() : d.key(), vars,
                Source.API);
    }

    private Predicate<String> groupExists() {
        return core.site().groups()::containsKey;
    }

    private boolean siteOwns(String mac) {
        return core.site().devices().containsKey(mac)
                || core.store().device(mac).filter(d -> d.source() == Source.SITE).isPresent();
    }

    private void refuseSite(String mac) {
        if (siteOwns(mac)) {
            throw ApiError.conflict("device " + mac + " comes from the site's devices.csv: change it there"
                    + " (read-only through the API)");
        }
    }

    /** The name of the token that made the request (its line in admin.tokens, or admin). */
    private static String who(Context ctx) {
        Object name = ctx.attribute(ApiRoutes.TOKEN_NAME);
        return name == null ? "?" : name.toString();
    }

    private static String pathMac(Context ctx) {
        String raw = ctx.pathParam("mac");
        return Mac.tryParse(raw).map(Mac::hex).orElseThrow(() -> ApiError.invalid("not a MAC address: '"
                + (raw.length() > 32 ? raw.substring(0, 32) + "..." : raw) + "'"));
    }

    /** A CSV field, quoted when it holds a comma, a quote or edge spaces. */
    private static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.strip().equals(s)) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
