package org.spaprov.cli.rule;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.spaprov.cli.Cli;
import picocli.CommandLine;

/**
 * Runs {@code spaprov rule …} in-process through the real root command (with its exit codes and
 * error handlers), adding {@link RuleCommand} when the root does not register it yet.
 */
record RuleCli(int code, String out, String err) {
    static RuleCli run(String... args) {
        CommandLine cl = Cli.commandLine();
        if (!cl.getSubcommands().containsKey("rule")) {
            cl.addSubcommand(new RuleCommand());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "rule";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = cl.execute(all);
        return new RuleCli(code, out.toString(), err.toString());
    }
}
