package org.spaprov.cli.server;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.spaprov.cli.BaseCommand;
import org.spaprov.cli.Cli;
import org.spaprov.cli.GroupCommand;
import org.spaprov.cli.UserException;
import org.spaprov.profile.Mac;
import org.spaprov.server.pki.KeyKind;
import org.spaprov.server.site.SiteException;
import org.spaprov.server.site.SitePki;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spaprov pki <verb>}: a site's certificates. The one verb today is {@code issue}. */
@Command(name = "pki",
        description = "A site's certificates: device client certificates from the site CA.",
        mixinStandardHelpOptions = true,
        subcommands = {PkiCommand.Issue.class},
        commandListHeading = "%nCommands:%n",
        exitCodeList = {"0:ok", "1:invalid input", "2:usage error"},
        footer = {"  spaprov pki issue --site mysite 000e08aabb04"})
public final class PkiCommand extends GroupCommand {
    /** {@code spaprov pki issue --site DIR MAC...}. */
    @Command(name = "issue",
            description = {"Issue device client certificates from the site CA (pki/ca.crt and pki/ca.key).", "",
                    "Each MAC gets pki/devices/<mac>.crt and .key (the key owner-only), subject CN=<mac>, "
                            + "OU=<product name>, L=<serial>, ST=<mac> as SPA devices carry (the server reads the "
                            + "MAC from CN). Product name and serial come from the device's row in devices.csv; a "
                            + "MAC that is not there gets the --model's product name and no serial. An existing "
                            + "file refuses the whole run unless --force; nothing is written then. MACs may be "
                            + "written 000e08aabb04, 00:0E:08:AA:BB:04 or 00-0e-08-aa-bb-04."},
            mixinStandardHelpOptions = true,
            exitCodeList = {"0:certificates written", "1:no site CA, a file exists, or a bad devices.csv",
                    "2:usage error (a bad MAC or option)"},
            footer = {"  spaprov pki issue --site mysite 000e08aabb04 000e08aabb05",
                    "  spaprov pki issue --site mysite --key-type ec --days 825 --force 000e08aabb01",
                    "  openssl verify -CAfile mysite/pki/ca.crt mysite/pki/devices/000e08aabb04.crt"})
    public static final class Issue extends BaseCommand {
        /** Key algorithm of the new keys. */
        enum KeyType { rsa, ec }

        @Option(names = "--site", required = true, paramLabel = "DIR", description = "The site directory.")
        Path site;

        @Option(names = "--key-type", paramLabel = "rsa|ec", defaultValue = "rsa",
                description = "rsa (2048, as SPA devices) or ec (P-256). Default: ${DEFAULT-VALUE}.")
        KeyType keyType;

        @Option(names = "--days", paramLabel = "N", defaultValue = "3650",
                description = "Validity in days. Default: ${DEFAULT-VALUE}.")
        int days;

        @Option(names = "--model", paramLabel = "MODEL", defaultValue = "spa2102",
                description = "Model of a MAC that is not in devices.csv (its product name goes into OU). Default: ${DEFAULT-VALUE}.")
        String model;

        @Option(names = "--force", description = "Replace existing certificates and keys.")
        boolean force;

        @Parameters(index = "0..*", arity = "1..*", paramLabel = "MAC", description = "The devices.")
        List<String> macs;

        @Override
        public Integer call() {
            if (days < 1 || days > 36500) {
                throw UserException.usage("--days must be 1..36500, got " + days);
            }
            List<Mac> parsed = new ArrayList<>();
            for (String m : macs) {
                try {
                    parsed.add(Mac.parse(m));
                } catch (IllegalArgumentException e) {
                    throw UserException.usage(org.spaprov.profile.Printable.of(e.getMessage()));
                }
            }
            SitePki.Request request = new SitePki.Request(parsed,
                    keyType == KeyType.ec ? KeyKind.EC_P256 : KeyKind.RSA_2048, Duration.ofDays(days), force, model);
            List<SitePki.Written> written;
            try {
                written = SitePki.issueDevices(site, request, Clock.systemUTC());
            } catch (SiteException e) {
                throw UserException.invalid(e.getMessage());
            }
            PrintWriter out = out();
            for (SitePki.Written w : written) {
                out.println("issued " + w.cert() + " and " + w.key() + " (" + w.subject() + ")");
            }
            out.flush();
            return Cli.OK;
        }
    }
}
