package org.spaprov.server.site;

/**
 * A site file that cannot be used. The message starts with {@code file:line:} (or {@code file:}
 * when no line applies), names the problem, and never quotes a secret value.
 */
public final class SiteException extends Exception {
    private static final long serialVersionUID = 1L;

    public SiteException(String message) {
        super(message, null, false, false);
    }

    /** {@code file:line: error: message} (line &lt;= 0 leaves it out). */
    public static SiteException at(String file, int line, String message) {
        return new SiteException(file + (line > 0 ? ":" + line : "") + ": error: " + message);
    }
}
