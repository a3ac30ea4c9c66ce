package org.spaprov.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

    @ParameterizedTest
    @ValueSource(ints = {80, 200})
    void examplesAreNeverWrappedAndSummariesAreWhole(int columns) {
        List<CommandLine> all = new ArrayList<>();
        collect(Cli.commandLine(Map.of("COLUMNS", Integer.toString(columns))), all);
        for (CommandLine c : all) {
            String name = c.getCommandSpec().qualifiedName();
            List<String> lines = c.getUsageMessage(CommandLine.Help.Ansi.OFF).lines().toList();
            assertThat(lines).as(name + " fits " + columns + " columns")
                    .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(Math.max(columns, longest(c))));
            for (String example : c.getCommandSpec().usageMessage().footer()) {
                assertThat(lines).as(name + ": an example line as written").contains(example);
            }
            for (CommandLine sub : c.getSubcommands().values()) {
                // picocli lists a command by the first line of its header, else of its description
                String[] header = sub.getCommandSpec().usageMessage().header();
                String[] description = header.length > 0 ? header : sub.getCommandSpec().usageMessage().description();
                assertThat(description).as(sub.getCommandSpec().qualifiedName() + " has a summary").isNotEmpty();
                String summary = description[0];
                assertThat(summary).as("the summary of " + sub.getCommandSpec().qualifiedName() + " is a sentence")
                        .endsWith(".");
                if (columns == 200) {
                    assertThat(lines).as(name + " lists " + sub.getCommandSpec().name() + " on one line")
                            .anySatisfy(l -> assertThat(l).endsWith(" " + summary));
                }
            }
        }
    }

    @Test
    void theWidthComesFromColumns() {
        String wide = Cli.commandLine(Map.of("COLUMNS", "200")).getUsageMessage(CommandLine.Help.Ansi.OFF);
        String narrow = Cli.commandLine(Map.of("COLUMNS", "80")).getUsageMessage(CommandLine.Help.Ansi.OFF);
        String summary = "Provisioning for Linksys/Cisco SPA SIP endpoints: profiles, rules, device emulator, server.";
        assertThat(wide.lines()).contains(summary);
        assertThat(narrow.lines()).doesNotContain(summary).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    }

    /** The longest example: examples are never wrapped, so they may be wider than the help. */
    private static int longest(CommandLine c) {
        int n = 0;
        for (String example : c.getCommandSpec().usageMessage().footer()) {
            n = Math.max(n, example.length());
        }
        return n;
    }

    private static void collect(CommandLine c, List<CommandLine> out) {
        out.add(c);
        c.getSubcommands().values().forEach(s -> collect(s, out));
    }
}
