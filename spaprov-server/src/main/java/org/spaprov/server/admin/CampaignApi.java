package org.spaprov.server.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.spaprov.profile.Mac;
import org.spaprov.server.push.CampaignStore;
import org.spaprov.server.push.CampaignTarget;
import org.spaprov.server.push.Campaigns;
import org.spaprov.server.push.PushAction;
import org.spaprov.server.store.Contact;
import org.spaprov.server.store.Store;

/**
 * The push campaign routes (declared in {@link ApiRoutes}): {@code POST /api/v1/campaigns} starts one,
 * {@code GET /api/v1/campaigns/{id}} shows its progress and each device's outcome, and whether the
 * device came back after the push ({@code acknowledged}: a request of it after the push). Thread-safe.
 */
final class CampaignApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The largest {@code rate} accepted. */
    static final int MAX_RATE = 100_000;

    private final Campaigns campaigns;
    private final Store store;

    CampaignApi(Campaigns campaigns, Store store) {
        this.campaigns = campaigns;
        this.store = store;
    }

    /** {@code 201 {"id": N, "devices": count}}. */
    record Started(long id, int devices, String url) {
    }

    /** One device of a campaign. */
    record DeviceOutcome(String mac, String outcome, int status, String detail, String pushedAt, boolean acknowledged,
            String acknowledgedAt) {
    }

    /** {@code GET /api/v1/campaigns/{id}}. */
    record View(long id, String action, String via, String target, int rate, String state, String createdAt,
            String finishedAt, Map<String, Integer> counts, int acknowledged, List<DeviceOutcome> devices) {
    }

    /** {@code POST /api/v1/campaigns} with {@code {"action", "target", "via", "rate"}}. */
    void start(Context ctx) throws IOException {
        if (campaigns == null) {
            throw ApiError.notFound("push is not available on this server");
        }
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw ApiError.invalid("body: not JSON");
        }
        if (body == null || !body.isObject()) {
            throw ApiError.invalid("body: expected {\"action\":..., \"target\":{...}, \"via\":\"sip\"|\"http\"}");
        }
        PushAction action = PushAction.parse(body.path("action").asText(""))
                .orElseThrow(() -> ApiError.invalid("action: expected resync, check-sync, report or reboot"));
        String via = body.path("via").asText("sip");
        Campaigns.Via v = switch (via) {
            case "sip" -> Campaigns.Via.SIP;
            case "http" -> Campaigns.Via.HTTP;
            default -> throw ApiError.invalid("via: expected sip or http");
        };
        Optional<Integer> rate = Optional.empty();
        if (body.has("rate")) {
            JsonNode r = body.get("rate");
            if (!r.canConvertToInt() || !r.isIntegralNumber() || r.asInt() < 1 || r.asInt() > MAX_RATE) {
                throw ApiError.invalid("rate: expected a whole number 1.." + MAX_RATE + " (pushes per second)");
            }
            rate = Optional.of(r.asInt());
        }
        CampaignTarget target = target(body.path("target"));
        long id = campaigns.start(new Campaigns.Request(action, v, target, rate));
        int count = campaigns.store().rows(id).size();
        ctx.status(201).json(new Started(id, count, ApiRoutes.BASE + "/campaigns/" + id));
    }

    private static CampaignTarget target(JsonNode t) {
        if (!t.isObject() || t.size() != 1) {
            throw ApiError.invalid("target: expected one of {\"mac\":M}, {\"macs\":[...]}, {\"group\":G}, {\"model\":M},"
                    + " {\"query\":TEXT}, {\"all\":true}");
        }
        if (t.has("mac")) {
            return new CampaignTarget.Macs(List.of(mac(t.get("mac").asText(""))));
        }
        if (t.has("macs") && t.get("macs").isArray()) {
            List<String> macs = new ArrayList<>();
            t.get("macs").forEach(m -> macs.add(mac(m.asText(""))));
            return new CampaignTarget.Macs(macs);
        }
        if (t.has("group") && t.get("group").isTextual() && !t.get("group").asText().isBlank()) {
            return new CampaignTarget.Group(t.get("group").asText());
        }
        if (t.has("model") && t.get("model").isTextual() && !t.get("model").asText().isBlank()) {
            return new CampaignTarget.Model(t.get("model").asText());
        }
        if (t.has("query") && t.get("query").isTextual() && !t.get("query").asText().isBlank()
                && t.get("query").asText().length() <= 64) {
            return new CampaignTarget.Query(t.get("query").asText().strip());
        }
        if (t.has("all") && t.get("all").asBoolean(false)) {
            return new CampaignTarget.All();
        }
        throw ApiError.invalid("target: expected one of {\"mac\":M}, {\"macs\":[...]}, {\"group\":G}, {\"model\":M},"
                + " {\"query\":TEXT}, {\"all\":true}");
    }

    private static String text(Optional<Instant> t) {
        return t.map(Instant::toString).orElse(null);
    }

    private static String mac(String raw) {
        return Mac.tryParse(raw).map(Mac::hex).orElseThrow(() -> ApiError.invalid("target: not a MAC address: '"
                + (raw.length() > 32 ? raw.substring(0, 32) + "..." : raw) + "'"));
    }

    /** {@code GET /api/v1/campaigns/{id}}. */
    void one(Context ctx) {
        if (campaigns == null) {
            throw ApiError.notFound("push is not available on this server");
        }
        String raw = ctx.pathParam("id");
        long id = raw.matches("[0-9]{1,18}") ? Long.parseLong(raw) : -1;
        CampaignStore.Campaign c = campaigns.store().campaign(id)
                .orElseThrow(() -> ApiError.notFound("no campaign " + (raw.length() > 20 ? raw.substring(0, 20) : raw)));
        List<CampaignStore.Row> rows = campaigns.store().rows(id);
        Map<String, Contact> contacts = store.lastContacts(rows.stream().map(CampaignStore.Row::mac).toList());
        Map<String, Integer> counts = new TreeMap<>();
        List<DeviceOutcome> out = new ArrayList<>(rows.size());
        int acknowledged = 0;
        for (CampaignStore.Row r : rows) {
            counts.merge(r.outcome(), 1, Integer::sum);
            Contact contact = contacts.get(r.mac());
            // The device's next request after a push it accepted closes the loop.
            boolean ack = r.outcome().equals("ok") && r.pushedAt().isPresent() && contact != null
                    && contact.at().isAfter(r.pushedAt().get());
            acknowledged += ack ? 1 : 0;
            out.add(new DeviceOutcome(r.mac(), r.outcome(), r.status(), r.detail(), text(r.pushedAt()), ack,
                    ack ? contact.at().toString() : null));
        }
        ctx.json(new View(c.id(), c.action().apiName(), c.via(), c.target(), c.rate(), c.state().name().toLowerCase(
                java.util.Locale.ROOT), c.createdAt().toString(), text(c.finishedAt()), counts, acknowledged, out));
    }
}
