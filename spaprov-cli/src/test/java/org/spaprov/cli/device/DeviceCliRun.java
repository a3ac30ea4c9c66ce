package org.spaprov.cli.device;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;
import org.spaprov.cli.Cli;
import picocli.CommandLine;

/** Runs the real command tree in-process and captures its output; tests may set up {@code emulate} first. */
record DeviceCliRun(int code, String out, String err) {
    static DeviceCliRun run(String... args) {
        return run(emulate -> { }, args);
    }

    /** Runs with {@code setup} applied to the tree's {@code emulate} command (its test hooks). */
    static DeviceCliRun run(Consumer<EmulateCommand> setup, String... args) {
        CommandLine cl = Cli.commandLine();
        setup.accept(cl.getSubcommands().get("emulate").getCommand());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new DeviceCliRun(code, out.toString(), err.toString());
    }
}
