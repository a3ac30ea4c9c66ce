package org.spaprov.cli.device;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.spaprov.cli.BaseCommand;
import org.spaprov.cli.Cli;
import org.spaprov.cli.GroupCommand;
import org.spaprov.cli.UserException;
import org.spaprov.profile.Mac;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spaprov device <verb>}: the device inventory of a running server, through its admin API. */
@Command(name = "device",
        description = {"The devices of a running server, through its admin API.", "",
                "Every verb talks to the admin API of 'spaprov serve --admin-port P': --admin URL (else "
                        + "$SPAPROV_ADMIN_URL, else " + AdminOptions.DEFAULT_URL + ") with the token of "
                        + "--token-file FILE (else $SPAPROV_ADMIN_TOKEN). Reading needs a token with the read scope, "
                        + "add, remove and import the write scope ('spaprov admin token create'). Devices of the "
                        + "site's devices.csv are read-only here; keys and variable values are write-only."},
        mixinStandardHelpOptions = true,
        subcommands = {DeviceCommand.ListDevices.class, DeviceCommand.Show.class, DeviceEditCommands.Add.class,
                DeviceEditCommands.Remove.class, DeviceEditCommands.Import.class, DeviceEditCommands.Export.class,
                DeviceDriftCommand.class},
        commandListHeading = "%nCommands:%n",
        exitCodeList = {"0:ok", "1:invalid input", "2:usage error"},
        footer = {"  export SPAPROV_ADMIN_URL=http://127.0.0.1:9090 SPAPROV_ADMIN_TOKEN=$(cat mysite/.data/admin.token)",
                "  spaprov device list",
                "  spaprov device add 000e08aabb10 --model spa2102 --group office --var station=Lab"})
public final class DeviceCommand extends GroupCommand {
    /** The API path of one device. */
    static String devicePath(String rawMac) {
        String mac = Mac.tryParse(rawMac).map(Mac::hex)
                .orElseThrow(() -> UserException.invalid("'" + rawMac + "' is not a MAC address (12 hex digits)"));
        return "/api/v1/devices/" + mac;
    }

    static String encoded(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** {@code spaprov device list}: every device, one line each, page after page. */
    @Command(name = "list",
            description = {"List the server's devices, one line each: MAC, model, source, groups, last contact.", "",
                    "Source is site (devices.csv), api (added through the API) or auto (auto-added). Pages of "
                            + "1000 are read until the last, so the list holds every device."},
            mixinStandardHelpOptions = true,
            exitCodeList = {"0:listed", "1:the server refused or cannot be reached", "2:usage error"},
            footer = {"  spaprov device list",
                    "  spaprov device list --admin http://10.0.0.5:9090 --token-file ops.token | grep ' api '"})
    public static final class ListDevices extends BaseCommand {
        @Mixin
        AdminOptions admin;

        @Override
        public Integer call() {
            AdminClient client = admin.client();
            PrintWriter out = out();
            String after = null;
            do {
                JsonNode page = client.getJson("/api/v1/devices?limit=1000" + (after == null ? "" : "&after=" + after));
                page.path("devices").forEach(d -> out.println(ApiLines.device(d)));
                after = page.path("next").isTextual() ? page.path("next").asText() : null;
            } while (after != null);
            out.flush();
            return Cli.OK;
        }
    }

    /** {@code spaprov device show MAC}: one device, its fields and newest events. */
    @Command(name = "show",
            description = {"Show one device: its fields, then its newest events (newest first).", "",
                    "Variables are shown by name and the key as set or none: the API never returns their values."},
            mixinStandardHelpOptions = true,
            exitCodeList = {"0:shown", "1:no such device, or the server refused or cannot be reached",
                    "2:usage error"},
            footer = {"  spaprov device show 000e08aabb01",
                    "  spaprov device show 00:0E:08:AA:BB:01 --events 100"})
    public static final class Show extends BaseCommand {
        @Mixin
        AdminOptions admin;

        @Parameters(index = "0", paramLabel = "MAC", description = "The device's MAC address.")
        String mac;

        @Option(names = "--events", paramLabel = "N", defaultValue = "20",
                description = "How many of its newest events to show, 1..1000 (default: ${DEFAULT-VALUE}).")
        int events;

        @Override
        public Integer call() {
            if (events < 1 || events > 1000) {
                throw UserException.usage("--events: expected 1..1000, got " + events);
            }
            JsonNode answer = admin.client().getJson(devicePath(mac) + "?limit=" + events);
            JsonNode d = answer.path("device");
            PrintWriter out = out();
            List<String> shown = List.of("mac", "model", "serial", "source", "groups", "vars", "keySet", "lastContact");
            out.println("mac          " + d.path("mac").asText());
            out.println("model        " + d.path("model").asText());
            out.println("serial       " + (d.path("serial").isTextual() ? d.path("serial").asText() : "-"));
            out.println("source       " + d.path("source").asText());
            out.println("groups       " + joined(d.path("groups")));
            out.println("vars         " + joined(d.path("vars")));
            out.println("key          " + (d.path("keySet").asBoolean() ? "set" : "none"));
            JsonNode c = d.path("lastContact");
            out.println("last contact " + (c.isObject() ? c.path("at").asText() + " " + c.path("address").asText() + " "
                    + c.path("protocol").asText() + (c.path("userAgent").isTextual() ? " \"" + c.path("userAgent").asText()
                    + "\"" : "") : "never"));
            // Fields the server adds later (status, drift, ...) are shown as JSON rather than dropped.
            for (Iterator<Map.Entry<String, JsonNode>> it = d.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!shown.contains(f.getKey())) {
                    out.println(String.format("%-12s %s", f.getKey(), f.getValue()));
                }
            }
            out.println("events:");
            answer.path("events").forEach(e -> out.println("  " + ApiLines.event(e)));
            out.flush();
            return Cli.OK;
        }

        private static String joined(JsonNode array) {
            List<String> items = new ArrayList<>();
            array.forEach(i -> items.add(i.asText()));
            return items.isEmpty() ? "-" : String.join(", ", items);
        }
    }
}
