package org.spaprov.cli;

import picocli.CommandLine.Command;

/** The root of {@code spaprov <area> <verb>}. */
@Command(name = "spaprov",
        mixinStandardHelpOptions = true,
        version = "spaprov 0.1.0",
        description = "Provisioning for Linksys/Cisco SPA SIP endpoints: profiles, rules, device emulator, server.",
        commandListHeading = "%nCommands:%n",
        subcommands = {
                picocli.CommandLine.HelpCommand.class,
                ModelsCommand.class,
                org.spaprov.cli.profile.ProfileCommand.class,
                org.spaprov.cli.rule.RuleCommand.class,
                org.spaprov.cli.device.EmulateCommand.class,
                org.spaprov.cli.device.FleetCommand.class,
                org.spaprov.cli.device.FirmwareCommand.class,
                org.spaprov.cli.server.SiteCommand.class,
                org.spaprov.cli.server.PkiCommand.class,
                org.spaprov.cli.server.ServeCommand.class,
                org.spaprov.cli.server.ExplainCommand.class,
                org.spaprov.cli.server.DemoCommand.class,
                org.spaprov.cli.device.DeviceCommand.class,
                org.spaprov.cli.device.EventsCommand.class,
                org.spaprov.cli.server.AdminCommand.class,
        },
        exitCodeList = {"0:ok", "1:invalid input", "2:usage error"},
        footer = {"  spaprov demo                                  # server + 200 emulated devices",
                "  spaprov profile sample --model spa2102 --format xml",
                "  spaprov site init mysite && spaprov serve --site mysite",
                "  spaprov help profile"})
public final class SpaprovCommand extends GroupCommand {
}
