package org.spaprov.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.spaprov.cli.Cli;
import picocli.CommandLine;

class DemoCommandTest {
    @Test
    void aSmallFleetIsProvisionedEndToEnd() {
        DemoCommand cmd = new DemoCommand();
        CommandLine cl = Cli.commandLine();
        cl.getCommandSpec().removeSubcommand("demo");
        cl.addSubcommand("demo", cmd);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("demo", "--count", "5", "--exit", "--no-progress", "--timeout", "90s");
        assertThat(out.toString()).as(err.toString()).contains("listening tftp 127.0.0.1:", "listening https 127.0.0.1:")
                .contains("provisioned + upgraded       5", "failed resyncs               0", "server: http://127.0.0.1:");
        assertThat(code).isZero();
    }

    @Test
    void aBadCountIsAUsageError() {
        CommandLine cl = Cli.commandLine();
        cl.getCommandSpec().removeSubcommand("demo");
        cl.addSubcommand("demo", new DemoCommand());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute("demo", "--count", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--count");
    }
}
