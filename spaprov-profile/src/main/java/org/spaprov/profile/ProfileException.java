package org.spaprov.profile;

/**
 * A profile that cannot be read at all (malformed XML, unterminated string, hostile input).
 * The message names the file, line and column; it never carries a stack-worthy cause for users, and
 * its control characters are escaped ({@link Printable}).
 */
public final class ProfileException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Position position;

    public ProfileException(Position position, String message) {
        super(Printable.of(position + ": error: " + message));
        this.position = position;
    }

    public ProfileException(Position position, String message, Throwable cause) {
        super(Printable.of(position + ": error: " + message), cause);
        this.position = position;
    }

    public Position position() {
        return position;
    }
}
