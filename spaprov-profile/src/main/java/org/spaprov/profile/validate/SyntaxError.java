package org.spaprov.profile.validate;

import java.util.Objects;

/**
 * A syntax error inside a parameter value: {@code column} is the 0-based offset in the value
 * where the problem starts (the validator adds it to the value's position), {@code message}
 * says what is wrong without quoting secrets.
 */
public record SyntaxError(int column, String message) {
    public SyntaxError {
        if (column < 0) {
            throw new IllegalArgumentException("column must be >= 0: " + column);
        }
        Objects.requireNonNull(message, "message");
    }
}
