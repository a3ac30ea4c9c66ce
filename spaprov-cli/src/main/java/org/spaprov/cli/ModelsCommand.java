package org.spaprov.cli;

import java.io.PrintWriter;
import org.spaprov.profile.catalog.Catalog;
import org.spaprov.profile.catalog.Catalogs;
import picocli.CommandLine.Command;

/** {@code spaprov models}: the device models spaprov has a parameter catalog for. */
@Command(name = "models",
        description = {"List the device models that have a parameter catalog.", "",
                "One line per model: model id (for --model), product name ($PN), series ($PSN), number of parameters "
                        + "and the model it extends."},
        mixinStandardHelpOptions = true,
        exitCodeList = {"0:ok", "2:usage error"},
        footer = {"  spaprov models", "  spaprov profile sample --model spa3102 --format text"})
public final class ModelsCommand extends BaseCommand {
    @Override
    public Integer call() {
        PrintWriter out = out();
        String fmt = "%-8s  %-8s  %-6s  %10s  %s%n";
        out.printf(fmt, "MODEL", "PN", "PSN", "PARAMETERS", "BASE");
        for (Catalog c : Catalogs.all()) {
            out.printf(fmt, c.model(), c.productName(), c.series(), c.params().size(), c.baseModel().orElse("-"));
        }
        out.flush();
        return Cli.OK;
    }
}
