package org.spaprov.cli.profile;

import java.nio.file.Path;
import org.spaprov.cli.BaseCommand;
import org.spaprov.cli.Cli;
import org.spaprov.cli.UserException;
import org.spaprov.cli.options.ModelOption;
import org.spaprov.cli.options.OutputOption;
import org.spaprov.profile.Profile;
import org.spaprov.profile.catalog.Catalog;
import org.spaprov.profile.text.TextProfileWriter;
import org.spaprov.profile.xml.XmlProfileWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spaprov profile convert}: XML ⇄ plain text. */
@Command(name = "convert",
        description = {"Convert a profile between XML and plain text.", "",
                "Values and access marks are kept; names map Line_Enable_1_ <-> Line_Enable[1] (the model's catalog "
                        + "gives the plain-text names). XML statements without ua= get no mark in text, which means "
                        + "no user access."},
        mixinStandardHelpOptions = true,
        exitCodeList = {"0:converted", "1:invalid input", "2:usage error"},
        footer = {"  spaprov profile convert spa2102.txt --to xml -o spa2102.xml",
                "  spaprov profile convert spa2102.xml --to text"})
public final class ProfileConvertCommand extends BaseCommand {
    enum Format { xml, text }

    @Parameters(index = "0", paramLabel = "IN", description = "Plain-text or XML profile.")
    Path in;

    @Option(names = "--to", required = true, paramLabel = "xml|text", description = "Output format.")
    Format to;

    @Mixin
    ModelOption model;

    @Mixin
    OutputOption out;

    @Override
    public Integer call() {
        Profile p = ProfileFiles.read(in);
        String result;
        if (to == Format.xml) {
            result = XmlProfileWriter.write(p);
        } else {
            Catalog c = model.catalog();
            try {
                result = TextProfileWriter.write(p, c::textName);
            } catch (IllegalArgumentException e) {
                throw UserException.invalid(in + ": " + e.getMessage());
            }
        }
        out.write(result, out());
        return Cli.OK;
    }
}
