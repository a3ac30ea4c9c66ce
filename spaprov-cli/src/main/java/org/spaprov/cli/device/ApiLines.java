package org.spaprov.cli.device;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The one-line forms of the admin API's answers, shared by the operator commands so every command prints a
 * device or an event the same way. Stateless.
 */
public final class ApiLines {
    private ApiLines() {
    }

    /** {@code MAC  MODEL  SOURCE  GROUPS  LAST-CONTACT}: groups joined by {@code ;}, {@code -} when none. */
    public static String device(JsonNode d) {
        List<String> groups = new ArrayList<>();
        d.path("groups").forEach(g -> groups.add(g.asText()));
        JsonNode contact = d.path("lastContact");
        return String.format("%-12s  %-8s  %-4s  %-16s  %s", d.path("mac").asText(), d.path("model").asText(),
                d.path("source").asText(), groups.isEmpty() ? "-" : String.join(";", groups),
                contact.isObject() ? contact.path("at").asText() + " " + contact.path("address").asText() + " "
                        + contact.path("protocol").asText() : "never");
    }

    /** {@code AT  MAC  ADDRESS  PROTOCOL  STATUS  FILE  REASON [xCOUNT]}. */
    public static String event(JsonNode e) {
        int count = e.path("count").asInt(1);
        return String.format("%s  %-12s  %-15s  %-5s  %3d  %s  %s%s", e.path("at").asText(),
                e.path("mac").isTextual() ? e.path("mac").asText() : "-", e.path("address").asText(),
                e.path("protocol").asText(), e.path("status").asInt(), e.path("file").asText(),
                e.path("reason").asText(), count > 1 ? " x" + count : "");
    }
}
