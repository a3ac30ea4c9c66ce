package org.spaprov.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.cli.Cli;
import org.spaprov.cli.UserException;
import picocli.CommandLine;

class SiteCommandTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    /** The command under a root like the real one (exit codes and one-line errors), before it is registered. */
    private static Run run(String... args) {
        CommandLine cl = new CommandLine(new SiteCommand());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            if (ex instanceof UserException ue) {
                line.getErr().println("spaprov: " + ue.getMessage());
                return ue.exitCode();
            }
            throw ex;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("spaprov: " + ex.getMessage());
            return Cli.USAGE;
        });
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void initWritesAWorkingSite() throws Exception {
        Path site = tmp.resolve("mysite");
        Run r = run("init", site.toString(), "--device-keys", "ec");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("pki/devices/000e08aabb01.crt").contains("Next: spaprov serve --site");
        assertThat(site.resolve("spaprov.yaml")).exists();
        assertThat(site.resolve("pki/server.key")).exists();
        assertThat(Files.readString(site.resolve("devices.csv")).lines().count()).isEqualTo(4);
    }

    @Test
    void nonEmptyDirectoryIsExit1AndBadFlagIsExit2() throws Exception {
        Files.writeString(tmp.resolve("x"), "x");
        Run r = run("init", tmp.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("spaprov: ").contains("is not empty").doesNotContain("Exception");
        assertThat(run("init", tmp.resolve("b").toString(), "--device-keys", "dsa").code()).isEqualTo(2);
        assertThat(run("init").code()).isEqualTo(2);
    }

    @Test
    void helpHasExamples() {
        Run r = run("init", "--help");
        assertThat(r.out()).contains("Examples:").contains("spaprov site init mysite").contains("Exit codes:");
    }
}
