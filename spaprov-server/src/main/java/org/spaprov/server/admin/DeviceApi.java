package org.spaprov.server.admin;

import io.javalin.http.Context;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spaprov.profile.Mac;
import org.spaprov.server.device.DeviceRecord;
import org.spaprov.server.feedback.status.StatusService;
import org.spaprov.server.feedback.status.DeviceStatus;
import org.spaprov.server.store.Contact;
import org.spaprov.server.store.StatusTable;
import org.spaprov.server.store.Store;

/**
 * The read-only device and event routes of the admin API (declared in {@link ApiRoutes}). Answers are
 * built from {@link DeviceView} and {@link EventView}, which carry no secrets. Thread-safe.
 */
final class DeviceApi {
    /** Events returned by {@code /events} without {@code ?limit=}. */
    static final int DEFAULT_EVENTS = 100;
    /** Events returned with one device without {@code ?limit=}. */
    static final int DEFAULT_DEVICE_EVENTS = 20;
    /** Devices in one page of {@code /devices} without {@code ?limit=}. */
    static final int DEFAULT_DEVICES = 1000;
    /** Devices whose contacts and status are read in one query. */
    private static final int CHUNK = 1000;
    /** The largest {@code ?limit=} accepted, for events and for a page of devices. */
    static final int MAX_LIMIT = 1000;

    private final Store store;
    private final StatusService status;

    DeviceApi(Store store, StatusService status) {
        this.store = store;
        this.status = status;
    }

    /**
     * {@code {"devices": [...], "next": "<mac>"}}: one page, sorted by MAC; {@code next} is the {@code ?after=}
     * of the following page, null on the last.
     */
    record Devices(List<DeviceView> devices, String next) {
    }

    /** {@code {"events": [...]}}, newest first. */
    record Events(List<EventView> events) {
    }

    /** {@code GET /api/v1/health}: the process answers. */
    void health(Context ctx) {
        ctx.json(Map.of("status", "ok"));
    }

    /**
     * {@code GET /api/v1/devices[?limit=N][&after=MAC][&filters]}: a page of devices after a MAC, so 100,000 devices
     * are read in pages of at most {@value #MAX_LIMIT} rather than in one answer. Filters ({@link DeviceFilter}):
     * {@code model}, {@code group}, {@code q}, {@code firmware}, {@code stale}, {@code result}.
     */
    void list(Context ctx) {
        int limit = limit(ctx, DEFAULT_DEVICES);
        String rawAfter = ctx.queryParam("after");
        String after = rawAfter == null ? null : Mac.tryParse(rawAfter).map(Mac::hex)
                .orElseThrow(() -> ApiError.invalid("after: not a MAC address: " + shown(rawAfter)));
        DeviceFilter filter = DeviceFilter.of(ctx);
        List<DeviceRecord> candidates = store.devices().stream()
                .filter(d -> after == null || d.mac().compareTo(after) > 0)
                .filter(filter::matchesRecord)
                .sorted(Comparator.comparing(DeviceRecord::mac))
                .toList();
        List<DeviceView> page = new java.util.ArrayList<>();
        // Status needs the store: read it a chunk at a time, and only as far as the page needs.
        for (int i = 0; i < candidates.size() && page.size() <= limit; i += CHUNK) {
            List<DeviceRecord> chunk = candidates.subList(i, Math.min(candidates.size(), i + CHUNK));
            if (!filter.needsStatus()) {
                chunk = chunk.subList(0, Math.min(chunk.size(), limit + 1 - page.size()));
            }
            List<String> macs = chunk.stream().map(DeviceRecord::mac).toList();
            Map<String, Contact> contacts = store.lastContacts(macs);
            Map<String, StatusTable.Row> rows = store.status().rows(macs);
            for (DeviceRecord d : chunk) {
                Optional<Contact> c = Optional.ofNullable(contacts.get(d.mac()));
                DeviceStatus s = status.of(d, c, Optional.ofNullable(rows.get(d.mac())));
                if (filter.matchesStatus(s) && page.size() <= limit) {
                    page.add(DeviceView.of(d, c, s));
                }
            }
        }
        String next = null;
        if (page.size() > limit) {
            page = page.subList(0, limit);
            next = page.getLast().mac();
        }
        ctx.json(new Devices(page, next));
    }

    /** {@code GET /api/v1/devices/{mac}[?limit=N]}: one device and its newest events. */
    void one(Context ctx) {
        String raw = ctx.pathParam("mac");
        String mac = Mac.tryParse(raw).map(Mac::hex)
                .orElseThrow(() -> ApiError.invalid("not a MAC address: " + shown(raw)));
        int limit = limit(ctx, DEFAULT_DEVICE_EVENTS);
        DeviceRecord d = store.device(mac).orElseThrow(() -> ApiError.notFound("no device " + mac));
        Optional<Contact> contact = store.lastContact(mac);
        ctx.json(new DeviceView.Detail(DeviceView.of(d, contact, status.of(d, contact, store.status().row(mac))),
                store.events(Optional.of(mac), limit).stream().map(EventView::of).toList()));
    }

    /**
     * {@code GET /api/v1/events[?limit=N][&device=MAC][&after=ID]}: the newest events (newest first), of one
     * device with {@code device}; with {@code after}, the events written after that id, oldest first (how
     * {@code spaprov events --follow} polls).
     */
    void events(Context ctx) {
        int limit = limit(ctx, DEFAULT_EVENTS);
        String rawDevice = ctx.queryParam("device");
        Optional<String> mac = rawDevice == null ? Optional.empty() : Optional.of(Mac.tryParse(rawDevice).map(Mac::hex)
                .orElseThrow(() -> ApiError.invalid("device: not a MAC address: " + shown(rawDevice))));
        String rawAfter = ctx.queryParam("after");
        java.util.OptionalLong after = java.util.OptionalLong.empty();
        if (rawAfter != null) {
            if (!rawAfter.matches("[0-9]{1,18}")) {
                throw ApiError.invalid("after: expected an event id, got " + shown(rawAfter));
            }
            after = java.util.OptionalLong.of(Long.parseLong(rawAfter));
        }
        ctx.json(new Events(store.eventPage(mac, after, limit).stream().map(EventView::of).toList()));
    }

    /** The {@code limit} query parameter: absent = {@code dflt}, else 1..{@value #MAX_LIMIT}. */
    static int limit(Context ctx, int dflt) {
        String raw = ctx.queryParam("limit");
        if (raw == null) {
            return dflt;
        }
        int n = raw.matches("[0-9]{1,4}") ? Integer.parseInt(raw) : -1;
        if (n < 1 || n > MAX_LIMIT) {
            throw ApiError.invalid("limit: expected a whole number 1.." + MAX_LIMIT + ", got " + shown(raw));
        }
        return n;
    }

    /** Client input echoed in an error, cut short. */
    static String shown(String s) {
        return "'" + (s.length() > 32 ? s.substring(0, 32) + "..." : s) + "'";
    }
}
