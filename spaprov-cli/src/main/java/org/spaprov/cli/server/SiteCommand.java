package org.spaprov.cli.server;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.spaprov.cli.BaseCommand;
import org.spaprov.cli.Cli;
import org.spaprov.cli.GroupCommand;
import org.spaprov.cli.UserException;
import org.spaprov.server.pki.KeyKind;
import org.spaprov.server.site.SiteException;
import org.spaprov.server.site.SiteInit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spaprov site <verb>}: site directories. The one verb today is {@code init}. */
@Command(name = "site",
        description = "Site directories: the files the provisioning server serves from.",
        mixinStandardHelpOptions = true,
        subcommands = {SiteCommand.Init.class, SiteCheckCommand.class, SiteRenderCommand.class},
        commandListHeading = "%nCommands:%n",
        exitCodeList = {"0:ok", "1:invalid input", "2:usage error"},
        footer = {"  spaprov site init mysite",
                "  spaprov site init mysite && spaprov serve --site mysite"})
public final class SiteCommand extends GroupCommand {
    /** {@code spaprov site init DIR}: writes a working example site with its own CA and certificates. */
    @Command(name = "init",
            description = {"Write a working example site into DIR, which must be missing or empty.", "",
                    "The site has spaprov.yaml (loopback ports 6969/8080/8443), layers (global, bootstrap, SPA2102 "
                            + "and PAP2T models, group 'office', one device layer), devices.csv with three devices "
                            + "(one with an AES key), a firmware image with a target version, and pki/: ca.crt "
                            + "(+ ca.key), server.crt/.key (CN=localhost, SAN localhost and 127.0.0.1) and "
                            + "devices/<mac>.crt/.key.", "",
                    "For real devices, name the server as they will reach it: every --host and --ip also goes "
                            + "into the server certificate (the first --host becomes its CN, which SPA devices "
                            + "check), and the first --host (else --ip) becomes listen.public-host in spaprov.yaml, "
                            + "so every URL the server hands out names it. See docs/deploy.md."},
            mixinStandardHelpOptions = true,
            exitCodeList = {"0:site written", "1:DIR is not empty or cannot be written", "2:usage error"},
            footer = {"  spaprov site init mysite",
                    "  spaprov site init mysite --device-keys ec",
                    "  spaprov site init /etc/spaprov/site --host prov.example.net --ip 192.0.2.10",
                    "  openssl verify -CAfile mysite/pki/ca.crt mysite/pki/server.crt mysite/pki/devices/*.crt"})
    public static final class Init extends BaseCommand {
        /** Key algorithm of the device certificates. */
        enum DeviceKeys { rsa, ec }

        @Parameters(index = "0", paramLabel = "DIR", description = "The new site directory.")
        Path dir;

        @Option(names = "--device-keys", paramLabel = "rsa|ec", defaultValue = "rsa",
                description = "Key algorithm of the device certificates: rsa (2048, as SPA devices) or ec (P-256, fast). Default: ${DEFAULT-VALUE}.")
        DeviceKeys deviceKeys;

        @Option(names = "--host", paramLabel = "NAME",
                description = "A DNS name devices use to reach the server (repeatable); the first is listen.public-host.")
        List<String> hosts = new ArrayList<>();

        @Option(names = "--ip", paramLabel = "ADDR",
                description = "An IP address devices use to reach the server (repeatable), for the certificate's SAN.")
        List<String> ips = new ArrayList<>();

        @Override
        public Integer call() {
            SiteInit.Addresses addresses;
            try {
                addresses = new SiteInit.Addresses(hosts, ips);
            } catch (IllegalArgumentException e) {
                throw UserException.usage(e.getMessage());
            }
            List<String> files;
            try {
                files = SiteInit.write(dir, Clock.systemUTC(), deviceKeys == DeviceKeys.ec ? KeyKind.EC_P256 : KeyKind.RSA_2048,
                        addresses);
            } catch (SiteException e) {
                throw UserException.invalid(e.getMessage());
            }
            PrintWriter out = out();
            out.println("spaprov: wrote the example site " + dir + " (" + files.size() + " files):");
            files.forEach(f -> out.println("  " + f));
            out.println("Next: spaprov serve --site " + dir);
            out.flush();
            return Cli.OK;
        }
    }
}
