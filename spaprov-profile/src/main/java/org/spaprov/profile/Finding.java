package org.spaprov.profile;

/**
 * A problem found in a profile, printed as {@code FILE:LINE:COL: error|warning: message}.
 * Messages never contain secret values (passwords, keys, GPP_SA–SD).
 */
public record Finding(Position position, Severity severity, String message) {
    public static Finding error(Position p, String message) {
        return new Finding(p, Severity.ERROR, message);
    }

    public static Finding warning(Position p, String message) {
        return new Finding(p, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        // Control characters from a hostile file name or value never reach a terminal raw.
        return Printable.of(position + ": " + severity.label() + ": " + message);
    }
}
