package org.spaprov.cli;

/** An error the user can fix: printed as one line, no stack trace, with an exit code. */
public final class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public UserException(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    /** Invalid input (exit 1). */
    public static UserException invalid(String message) {
        return new UserException(Cli.INVALID, message);
    }

    /** Usage error (exit 2). */
    public static UserException usage(String message) {
        return new UserException(Cli.USAGE, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
