package org.spaprov.cli.device;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.spaprov.cli.Cli;
import picocli.CommandLine;

/** Runs the command tree with the device commands registered (until the lead adds them to the root). */
record DeviceCliRun(int code, String out, String err) {
    static DeviceCliRun run(String... args) {
        CommandLine cl = Cli.commandLine();
        for (Object c : new Object[] {new EmulateCommand(), new FleetCommand(), new FirmwareCommand()}) {
            String name = c.getClass().getAnnotation(CommandLine.Command.class).name();
            if (!cl.getSubcommands().containsKey(name)) {
                cl.addSubcommand(c);
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new DeviceCliRun(code, out.toString(), err.toString());
    }
}
