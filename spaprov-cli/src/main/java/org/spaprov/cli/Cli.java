package org.spaprov.cli;

import java.util.Map;
import java.util.OptionalInt;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParameterException;

/**
 * Builds the picocli command line with spaprov's exit codes, error handling and help layout: usage
 * errors print one line plus a hint and exit 2; {@link UserException}s print one line and exit with
 * their code; anything else is a bug and prints a stack trace. Help fills the terminal's width and
 * prints each command's examples (its {@code footer}) as written, under an "Examples:" heading.
 */
public final class Cli {
    /** Success. */
    public static final int OK = 0;
    /** Invalid input (a bad profile, a wrong key, a failed step). */
    public static final int INVALID = 1;
    /** Usage error (bad flags, missing arguments). */
    public static final int USAGE = 2;

    /** picocli's narrowest help. */
    private static final int MIN_WIDTH = 55;

    private Cli() {
    }

    /** The command line, its help as wide as {@code $COLUMNS} or, without it, the terminal. */
    public static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /** The command line, its help width taken from {@code env} (tests pass their own). */
    public static CommandLine commandLine(Map<String, String> env) {
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
        layOutHelp(cl, columns(env.get("COLUMNS")));
        return cl;
    }

    private static void layOutHelp(CommandLine cl, OptionalInt columns) {
        UsageMessageSpec u = cl.getCommandSpec().usageMessage();
        if (columns.isPresent()) {
            u.width(Math.max(MIN_WIDTH, columns.getAsInt()));
        } else {
            u.autoWidth(true);
        }
        if (!u.exitCodeList().isEmpty()) {
            u.exitCodeListHeading("%nExit codes:%n");
        }
        String[] footer = u.footer();
        int start = 0;
        while (start < footer.length && start < 2 && (footer[start].isEmpty() || footer[start].equals("Examples:"))) {
            start++; // a footer that writes its own heading (the older form) gets it once
        }
        if (start < footer.length) {
            u.footer(java.util.Arrays.copyOfRange(footer, start, footer.length));
            u.footerHeading("%nExamples:%n");
        }
        cl.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_FOOTER, Cli::examples);
        cl.getSubcommands().values().forEach(sub -> layOutHelp(sub, columns));
    }

    /** $COLUMNS as a width, when it is a number. */
    private static OptionalInt columns(String value) {
        try {
            return value == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** The examples, one per line as written: a command line wrapped mid-token could not be copied. */
    private static String examples(Help help) {
        StringBuilder b = new StringBuilder();
        for (String line : help.commandSpec().usageMessage().footer()) {
            b.append(line).append(System.lineSeparator());
        }
        return b.toString();
    }

    private static int onUsageError(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        cl.getErr().println("spaprov: " + ex.getMessage());
        cl.getErr().println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for usage and examples.");
        cl.getErr().flush();
        return USAGE;
    }
}
