package org.spaprov.cli.device;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.spaprov.cli.BaseCommand;
import org.spaprov.cli.Cli;
import org.spaprov.cli.UserException;
import org.spaprov.cli.options.DurationConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spaprov events}: the server's provisioning events, and with {@code --follow} the new ones as they come. */
@Command(name = "events",
        description = {"Print a running server's provisioning events, oldest first; --follow keeps printing new ones.", "",
                "One line per event: time, MAC, address, protocol, status, file, reason (refusals repeated from one "
                        + "address in one minute are one line with xCOUNT). The reason says why a device was not "
                        + "provisioned, so 'spaprov events --device MAC' answers that without the server's logs. "
                        + "--follow asks the admin API for the events after the last one printed, every --interval. "
                        + "Talks to the admin API as 'spaprov device' does (--admin, --token-file; read scope)."},
        mixinStandardHelpOptions = true,
        exitCodeList = {"0:printed (with --follow: --count events printed, or stopped with Ctrl-C)",
                "1:the server refused or cannot be reached", "2:usage error"},
        footer = {"  spaprov events",
                "  spaprov events --device 000e08aabb01 --limit 100",
                "  spaprov events --follow --device 000e08aabb01"})
public final class EventsCommand extends BaseCommand {
    @Mixin
    AdminOptions admin;

    @Option(names = "--device", paramLabel = "MAC", description = "Only the events of this device.")
    String device;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "How many of the newest events to print first, 1..1000 (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new events until Ctrl-C (or --count).")
    boolean follow;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
            description = "With --follow, how often to ask for new events (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--count", paramLabel = "N",
            description = "With --follow, stop after printing N new events (scripts: wait for a device's next request).")
    Integer count;

    @Override
    public Integer call() throws InterruptedException {
        if (limit < 1 || limit > 1000) {
            throw UserException.usage("--limit: expected 1..1000, got " + limit);
        }
        if (count != null && (!follow || count < 1)) {
            throw UserException.usage("--count needs --follow and a number of at least 1");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw UserException.usage("--interval must be positive");
        }
        String filter = device == null ? "" : "&device=" + DeviceCommand.devicePath(device).substring("/api/v1/devices/".length());
        AdminClient client = admin.client();
        PrintWriter out = out();
        List<JsonNode> newest = new ArrayList<>();
        client.getJson("/api/v1/events?limit=" + limit + filter).path("events").forEach(newest::add);
        long last = 0;
        for (JsonNode e : newest.reversed()) {
            out.println(ApiLines.event(e));
            last = Math.max(last, e.path("id").asLong());
        }
        out.flush();
        int printed = 0;
        while (follow) {
            JsonNode page = client.getJson("/api/v1/events?limit=1000&after=" + last + filter).path("events");
            for (JsonNode e : page) {
                out.println(ApiLines.event(e));
                last = Math.max(last, e.path("id").asLong());
                if (count != null && ++printed >= count) {
                    out.flush();
                    return Cli.OK;
                }
            }
            out.flush();
            if (page.isEmpty()) {
                Thread.sleep(interval.toMillis());
            }
        }
        return Cli.OK;
    }
}
