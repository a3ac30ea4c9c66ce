package org.spaprov.cli.rule;

import org.spaprov.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code spaprov rule <verb>}: try the SPA rule language (macros, rules, conditions, schedules). */
@Command(name = "rule",
        description = {"The SPA rule language: macros, rules, conditions, schedules."},
        mixinStandardHelpOptions = true,
        subcommands = {
                RuleExpandCommand.class,
                RuleEvalCommand.class,
                RuleCheckCommand.class,
                RuleScheduleCommand.class,
        },
        commandListHeading = "%nCommands:%n",
        footer = {"  spaprov rule expand 'spa$(MAU)config.cfg' --mac 000E08012345",
                "  spaprov rule eval --var SWVER=2.0.5 \\",
                "      '( $SWVER ne 2.0.6 )? http://ps.tell.com/sw/spa021024.bin'",
                "  spaprov rule check '$REGTMR1 gt 300' --var REGTMR1=301",
                "  spaprov rule schedule 1800+300,3600,7200 --count 5 --seed 1"})
public final class RuleCommand extends GroupCommand {
}
