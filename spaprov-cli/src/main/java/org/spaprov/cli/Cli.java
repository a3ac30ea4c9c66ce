package org.spaprov.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Builds the picocli command line with spaprov's exit codes and error handling: usage errors
 * print one line plus a hint and exit 2; {@link UserException}s print one line and exit with their
 * code; anything else is a bug and prints a stack trace.
 */
public final class Cli {
    /** Success. */
    public static final int OK = 0;
    /** Invalid input (a bad profile, a wrong key, a failed step). */
    public static final int INVALID = 1;
    /** Usage error (bad flags, missing arguments). */
    public static final int USAGE = 2;

    private Cli() {
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SpaprovCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(Cli::onUsageError);
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            if (ex instanceof UserException ue) {
                line.getErr().println("spaprov: " + ue.getMessage());
                line.getErr().flush();
                return ue.exitCode();
            }
            throw ex;
        });
        return cl;
    }

    private static int onUsageError(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        cl.getErr().println("spaprov: " + ex.getMessage());
        cl.getErr().println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for usage and examples.");
        cl.getErr().flush();
        return USAGE;
    }
}
