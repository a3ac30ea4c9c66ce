package org.spaprov.cli;

import picocli.CommandLine;

/** Entry point of the {@code spaprov} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args);
        // JAIN-SIP and Netty leave non-daemon threads behind; a CLI command ends here.
        System.exit(code);
    }

    /** Runs one command line and returns its exit code (tests call this). */
    public static int run(String... args) {
        return Cli.commandLine().execute(args);
    }
}
