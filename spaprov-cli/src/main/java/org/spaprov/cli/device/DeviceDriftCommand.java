package org.spaprov.cli.device;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import org.spaprov.cli.BaseCommand;
import org.spaprov.cli.Cli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code spaprov device drift MAC}: the device's latest report against its intended profile, from
 * {@code GET /api/v1/devices/{mac}/drift}; exit 1 when anything differs, so scripts can wait on it.
 */
@Command(name = "drift",
        description = {"Show where a device's latest report differs from the profile it should run.", "",
                "One line per parameter: NAME, the intended value, then the reported one (secret values as "
                        + "********; they are compared by hash). Exit 0 when nothing differs, 1 when something does "
                        + "or the device has not reported yet."},
        mixinStandardHelpOptions = true,
        exitCodeList = {"0:no drift", "1:drift, no report yet, or the server refused or cannot be reached",
                "2:usage error"},
        footer = {"  spaprov device drift 000e08aabb02",
                "  until spaprov device drift 000e08aabb02 >/dev/null; do sleep 60; done"})
public final class DeviceDriftCommand extends BaseCommand {
    @Mixin
    AdminOptions admin;

    @Parameters(index = "0", paramLabel = "MAC", description = "The device's MAC address.")
    String mac;

    @Override
    public Integer call() {
        JsonNode d = admin.client().getJson(DeviceCommand.devicePath(mac) + "/drift");
        PrintWriter out = out();
        out.println("report " + d.path("reportAt").asText("-")
                + (d.path("error").isTextual() ? " (unreadable: " + d.path("error").asText() + ")" : ""));
        JsonNode drift = d.path("drift");
        drift.forEach(p -> out.println(p.path("name").asText() + "  intended=" + value(p.path("intended"))
                + "  reported=" + value(p.path("reported"))));
        out.println(drift.size() == 0 ? "no drift" : drift.size() + " parameter(s) differ");
        out.flush();
        return drift.size() == 0 && !d.path("error").isTextual() ? Cli.OK : Cli.INVALID;
    }

    private static String value(JsonNode v) {
        return v.isNull() || v.isMissingNode() ? "(absent)" : "'" + v.asText() + "'";
    }
}
