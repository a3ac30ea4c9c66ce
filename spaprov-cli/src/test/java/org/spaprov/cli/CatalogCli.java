package org.spaprov.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.spaprov.cli.profile.ProfileSampleCommand;
import org.spaprov.cli.profile.ProfileValidateCommand;
import org.spaprov.profile.validate.SyntaxCheck;
import picocli.CommandLine;

/**
 * Runs the real command tree with the catalog commands added when the root does not register them
 * yet (so these tests work before and after the lead wires them into SpaprovCommand).
 */
public final class CatalogCli {
    private CatalogCli() {
    }

    public static CliRun run(String... args) {
        return run(null, args);
    }

    /** With {@code extraChecks} for validate (null = the default {@code Checks.extra()}). */
    public static CliRun run(Map<String, SyntaxCheck> extraChecks, String... args) {
        CommandLine cl = Cli.commandLine();
        if (!cl.getSubcommands().containsKey("models")) {
            cl.addSubcommand(new ModelsCommand());
        }
        CommandLine profile = cl.getSubcommands().get("profile");
        if (extraChecks != null) {
            if (profile.getSubcommands().containsKey("validate")) {
                profile.getCommandSpec().removeSubcommand("validate");
            }
            profile.addSubcommand(new ProfileValidateCommand(extraChecks));
        } else if (!profile.getSubcommands().containsKey("validate")) {
            profile.addSubcommand(new ProfileValidateCommand());
        }
        if (!profile.getSubcommands().containsKey("sample")) {
            profile.addSubcommand(new ProfileSampleCommand());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
