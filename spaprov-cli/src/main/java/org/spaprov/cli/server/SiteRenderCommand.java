package org.spaprov.cli.server;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.spaprov.cli.BaseCommand;
import org.spaprov.cli.Cli;
import org.spaprov.cli.UserException;
import org.spaprov.server.provision.SiteCheck;
import org.spaprov.profile.Mac;
import org.spaprov.server.site.SiteException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spaprov site render DIR MAC}: the plain profile a device of the site would get, secrets masked. */
@Command(name = "render",
        description = {"Print the plain XML profile the server builds for device MAC of the site in DIR.", "",
                "Catalog defaults, then the global, model, firmware, group and device layers. Secret values "
                        + "(passwords, GPP_SA-GPP_SD, keys) print as ******** unless --show-secrets."},
        mixinStandardHelpOptions = true,
        exitCodeList = {"0:printed", "1:unknown device, a profile that does not build, or a site that does not load",
                "2:usage error"},
        footer = {"  spaprov site render mysite 000e08aabb01",
                "  spaprov site render mysite 00:0E:08:AA:BB:02 --show-secrets > aabb02.xml"})
public final class SiteRenderCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "DIR", description = "The site directory.")
    Path dir;

    @Parameters(index = "1", paramLabel = "MAC", description = "The device (12 hex digits, separators allowed).")
    String mac;

    @Option(names = "--show-secrets", description = "Print secret values instead of ********.")
    boolean showSecrets;

    @Override
    public Integer call() {
        String m = Mac.tryParse(mac).map(Mac::hex)
                .orElseThrow(() -> UserException.invalid("'" + org.spaprov.profile.Printable.of(mac) + "' is not a MAC address (12 hex digits)"));
        String xml;
        try {
            xml = SiteCheck.render(SiteCheckCommand.load(dir), m, showSecrets);
        } catch (SiteException e) {
            throw UserException.invalid(e.getMessage());
        }
        PrintWriter out = out();
        out.print(xml);
        out.flush();
        return Cli.OK;
    }
}
