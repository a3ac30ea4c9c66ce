package org.spaprov.cli.device;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spaprov.cli.BaseCommand;
import org.spaprov.cli.Cli;
import org.spaprov.cli.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The verbs of {@code spaprov device} that change the inventory, and its CSV export. */
public final class DeviceEditCommands {
    private DeviceEditCommands() {
    }

    /** {@code spaprov device add MAC --model M ...}: one API device. */
    @Command(name = "add",
            description = {"Add a device to the server's store (source api), or replace one with --replace.", "",
                    "The device is checked as devices.csv is: a known model, existing groups. Its AES key is read "
                            + "from --key-file (not the command line, which other users can see); keep secret "
                            + "variables in a CSV for 'device import'. With --replace, a key or variables not given "
                            + "are kept."},
            mixinStandardHelpOptions = true,
            exitCodeList = {"0:added", "1:refused (exists, a site device, invalid), or the server cannot be reached",
                    "2:usage error"},
            footer = {"  spaprov device add 000e08aabb10 --model spa2102 --group office --var station=Lab",
                    "  spaprov device add 000e08aabb10 --model spa2102 --key-file bb10.key --replace"})
    public static final class Add extends BaseCommand {
        @Mixin
        AdminOptions admin;

        @Parameters(index = "0", paramLabel = "MAC", description = "The device's MAC address.")
        String mac;

        @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Its model (spa2102, pap2t, ...).")
        String model;

        @Option(names = "--serial", paramLabel = "S", description = "Its serial number.")
        String serial;

        @Option(names = "--group", paramLabel = "G", description = "A group layer; repeat, in the order they apply.")
        List<String> groups = new ArrayList<>();

        @Option(names = "--var", paramLabel = "NAME=VALUE", description = "A server-side variable; repeat.")
        Map<String, String> vars = new LinkedHashMap<>();

        @Option(names = "--key-file", paramLabel = "FILE", description = "File holding its AES pass phrase.")
        Path keyFile;

        @Option(names = "--replace", description = "Replace the API device with this MAC (PUT) instead of failing.")
        boolean replace;

        @Override
        public Integer call() {
            String path = DeviceCommand.devicePath(mac);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("mac", path.substring(path.lastIndexOf('/') + 1));
            body.put("model", model);
            if (serial != null) {
                body.put("serial", serial);
            }
            body.put("groups", groups);
            if (!vars.isEmpty()) {
                body.put("vars", vars);
            }
            if (keyFile != null) {
                try {
                    body.put("key", Files.readString(keyFile, StandardCharsets.UTF_8).strip());
                } catch (IOException e) {
                    throw UserException.invalid("--key-file " + keyFile + ": cannot read: " + e.getMessage());
                }
            }
            AdminClient client = admin.client();
            JsonNode d = replace ? client.sendJson("PUT", path, body) : client.sendJson("POST", "/api/v1/devices", body);
            out().println(ApiLines.device(d));
            out().flush();
            return Cli.OK;
        }
    }

    /** {@code spaprov device remove MAC...}. */
    @Command(name = "remove",
            description = {"Remove devices added through the API (or auto-added) from the server's store.", "",
                    "Each MAC is removed in turn, one line each; devices of the site's devices.csv are refused "
                            + "(remove their line there). Stops at the first refusal."},
            mixinStandardHelpOptions = true,
            exitCodeList = {"0:every device removed", "1:a device is unknown or a site device, or the server "
                    + "cannot be reached", "2:usage error"},
            footer = {"  spaprov device remove 000e08aabb10",
                    "  spaprov device remove 000e08aabb10 000e08aabb11"})
    public static final class Remove extends BaseCommand {
        @Mixin
        AdminOptions admin;

        @Parameters(arity = "1..*", paramLabel = "MAC", description = "The devices' MAC addresses.")
        List<String> macs;

        @Override
        public Integer call() {
            AdminClient client = admin.client();
            List<String> paths = macs.stream().map(DeviceCommand::devicePath).toList();
            for (String path : paths) {
                client.checked(client.send("DELETE", path, null, null));
                out().println("removed " + path.substring(path.lastIndexOf('/') + 1));
                out().flush();
            }
            return Cli.OK;
        }
    }

    /** {@code spaprov device import FILE}: a devices.csv into the store, all or nothing. */
    @Command(name = "import",
            description = {"Import a CSV of devices (the columns of devices.csv) into the server's store, all or nothing.",
                    "",
                    "Every row is checked first; when any row is refused, nothing is imported and each refused row "
                            + "is printed as FILE:LINE: reason. Imported devices have source api; a row for a MAC "
                            + "already added through the API replaces it (keeping a key or variables the row does "
                            + "not give). Devices of the site's devices.csv cannot be imported over."},
            mixinStandardHelpOptions = true,
            exitCodeList = {"0:every device imported", "1:rows refused (nothing imported), or the server cannot be "
                    + "reached", "2:usage error"},
            footer = {"  spaprov device import new-phones.csv",
                    "  spaprov device export --source api > api.csv && spaprov device import api.csv"})
    public static final class Import extends BaseCommand {
        @Mixin
        AdminOptions admin;

        @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file.")
        Path file;

        @Override
        public Integer call() {
            String csv;
            try {
                csv = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw UserException.invalid(file + ": cannot read: " + e.getMessage());
            }
            AdminClient client = admin.client();
            AdminClient.Reply r = client.send("POST", "/api/v1/devices:import", "text/csv; charset=utf-8", csv);
            if (r.status() == 400 && r.json().path("rows").isArray()) {
                PrintWriter err = err();
                r.json().path("rows").forEach(row -> err.println(file + ":" + row.path("line").asInt() + ": "
                        + row.path("error").asText()));
                err.flush();
                throw UserException.invalid(file + ": " + r.json().path("error").asText());
            }
            JsonNode done = client.checked(r).json();
            out().println("imported " + done.path("imported").asInt() + " devices (" + done.path("created").asInt()
                    + " new, " + done.path("replaced").asInt() + " replaced)");
            out().flush();
            return Cli.OK;
        }
    }

    /** {@code spaprov device export}: the devices as CSV. */
    @Command(name = "export",
            description = {"Print the server's devices as a CSV that 'device import' reads back.", "",
                    "Columns mac, model, serial, groups; keys and variables are write-only and not exported."},
            mixinStandardHelpOptions = true,
            exitCodeList = {"0:exported", "1:the server refused or cannot be reached, or FILE cannot be written",
                    "2:usage error"},
            footer = {"  spaprov device export > devices.csv",
                    "  spaprov device export --source api -o api.csv"})
    public static final class Export extends BaseCommand {
        /** Where a device comes from. */
        enum Source { site, api, auto }

        @Mixin
        AdminOptions admin;

        @Option(names = "--source", paramLabel = "site|api|auto", description = "Only the devices from this source.")
        Source source;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
        Path output;

        @Override
        public Integer call() {
            String csv = admin.client().getText("/api/v1/devices:export" + (source == null ? "" : "?source=" + source));
            if (output == null) {
                out().print(csv);
                out().flush();
                return Cli.OK;
            }
            try {
                Files.writeString(output, csv, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw UserException.invalid(output + ": cannot write: " + e.getMessage());
            }
            return Cli.OK;
        }
    }
}
