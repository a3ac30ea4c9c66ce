package org.spaprov.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command of the tree has help with examples and exit codes (developers' guide: Docs). */
class HelpTest {
    @Test
    void everyCommandHasExamplesAndExitCodes() {
        List<CommandLine> all = new ArrayList<>();
        collect(Cli.commandLine(), all);
        assertThat(all).extracting(c -> c.getCommandSpec().qualifiedName())
                .contains("spaprov profile compile", "spaprov rule eval", "spaprov emulate", "spaprov serve",
                        "spaprov demo", "spaprov site init", "spaprov firmware make", "spaprov fleet", "spaprov models");
        for (CommandLine c : all) {
            if (c.getCommandSpec().name().equals("help")) {
                continue; // picocli's own help command
            }
            String usage = c.getUsageMessage(CommandLine.Help.Ansi.OFF);
            String name = c.getCommandSpec().qualifiedName();
            assertThat(usage).as(name).contains("Examples:");
            if (c.getSubcommands().isEmpty()) {
                assertThat(usage).as(name).contains("Exit codes:");
            }
        }
    }

    private static void collect(CommandLine c, List<CommandLine> out) {
        out.add(c);
        c.getSubcommands().values().forEach(s -> collect(s, out));
    }
}
