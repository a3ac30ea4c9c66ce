package org.spaprov.cli.rule;

import org.spaprov.cli.BaseCommand;
import org.spaprov.cli.Cli;
import org.spaprov.rules.Macros;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code spaprov rule expand}: macro expansion only (SPEC §4). */
@Command(name = "expand",
        description = {"Expand the $-macros in TEXT and print the result.", "",
                "Unknown names stay as written, one level only ($$MAU gives $MAU), and $SA..$SD are not expanded "
                        + "outside --key. Quote TEXT in single quotes for the shell."},
        mixinStandardHelpOptions = true,
        exitCodeList = {"0:expanded", "2:usage error"},
        footer = {"  spaprov rule expand 'spa$(MAU)config.cfg' --mac 000E08012345",
                "  spaprov rule expand '$(A:2:3)' --param GPP_A=ABCDEF",
                "  spaprov rule expand '$PN $MAC -- resync $SCHEME://$SERVIP:$PORT$PATH' \\",
                "      --mac 000E08012345 --var PN=SPA2102 --var SCHEME=tftp \\",
                "      --var SERVIP=10.0.0.5 --var PORT=69 --var PATH=/spa.cfg"})
public final class RuleExpandCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "TEXT", description = "The text to expand.")
    String text;

    @Mixin
    VariableOptions variables;

    @Override
    public Integer call() {
        var out = out();
        out.println(Macros.expand(text, variables.variables()));
        out.flush();
        return Cli.OK;
    }
}
