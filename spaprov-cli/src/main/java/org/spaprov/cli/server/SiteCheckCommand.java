package org.spaprov.cli.server;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.spaprov.cli.BaseCommand;
import org.spaprov.cli.Cli;
import org.spaprov.cli.UserException;
import org.spaprov.server.provision.SiteCheck;
import org.spaprov.server.site.Site;
import org.spaprov.server.site.SiteException;
import org.spaprov.server.site.SiteLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code spaprov site check DIR}: the check the server makes at start-up and on every reload, offline:
 * the site loads, and every device of {@code devices.csv} gets a profile that builds and validates.
 */
@Command(name = "check",
        description = {"Check a site as the server does at start-up and on every reload.", "",
                "The files must load, and every device in devices.csv must get a profile that builds (no undefined "
                        + "placeholder, no missing var. column) and validates against its model's catalog. One line "
                        + "per finding."},
        mixinStandardHelpOptions = true,
        exitCodeList = {"0:the site is good", "1:findings (or the site does not load)", "2:usage error"},
        footer = {"  spaprov site check mysite",
                "  spaprov site check mysite && git -C mysite commit -am 'new dial plan'"})
public final class SiteCheckCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "DIR", description = "The site directory.")
    Path dir;

    @Override
    public Integer call() {
        Site site = load(dir);
        List<String> findings = SiteCheck.findings(site);
        PrintWriter out = out();
        findings.forEach(f -> out.println(org.spaprov.profile.Printable.of(f)));
        if (findings.isEmpty()) {
            out.println("site " + dir + ": " + site.devices().size() + " devices, every profile builds");
        }
        out.flush();
        return findings.isEmpty() ? Cli.OK : Cli.INVALID;
    }

    /** The site in {@code dir}, or one line and exit 1. */
    static Site load(Path dir) {
        try {
            return SiteLoader.load(dir, dir.resolve(".data"), 1);
        } catch (SiteException e) {
            throw UserException.invalid(e.getMessage());
        }
    }
}
