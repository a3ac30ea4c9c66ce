package org.spaprov.cli.profile;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.spaprov.cli.Cli;
import org.spaprov.cli.UserException;
import org.spaprov.profile.Profile;
import org.spaprov.profile.text.TextProfileWriter;
import org.spaprov.profile.xml.XmlProfileWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spaprov profile convert}: XML ⇄ plain text. */
@Command(name = "convert",
        description = {"Convert a profile between XML and plain text.", "",
                "Values and access marks are kept; names map Line_Enable_1_ <-> Line_Enable[1].",
                "XML statements without ua= get no mark in text, which means no user access."},
        mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:converted", "1:invalid input", "2:usage error"},
        footer = {"", "Examples:",
                "  spaprov profile convert spa2102.txt --to xml -o spa2102.xml",
                "  spaprov profile convert spa2102.xml --to text"})
public final class ProfileConvertCommand implements Callable<Integer> {
    enum Format { xml, text }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "Plain-text or XML profile.")
    Path in;

    @Option(names = "--to", required = true, paramLabel = "xml|text", description = "Output format.")
    Format to;

    @Option(names = "--model", defaultValue = "spa2102", description = "Catalog used for plain-text names (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write here instead of standard output.")
    Path out;

    @Override
    public Integer call() {
        Profile p = ProfileFiles.read(in);
        String result;
        if (to == Format.xml) {
            result = XmlProfileWriter.write(p);
        } else {
            try {
                result = TextProfileWriter.write(p, Validation.textNames(model));
            } catch (IllegalArgumentException e) {
                throw UserException.invalid(in + ": " + e.getMessage());
            }
        }
        Output.write(out, result, spec.commandLine().getOut());
        return Cli.OK;
    }
}
