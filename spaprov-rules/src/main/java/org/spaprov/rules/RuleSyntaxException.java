package org.spaprov.rules;

import org.spaprov.profile.validate.SyntaxError;

/**
 * A syntax error in a rule, condition, schedule or URL: {@link #column()} is the 0-based offset
 * of the offending character in the text that was parsed. Messages never quote key material.
 * Unchecked because the public evaluators catch it and turn it into a result; only the
 * {@code parse} methods let it out.
 */
public final class RuleSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int column;

    public RuleSyntaxException(int column, String message) {
        super(message);
        this.column = Math.max(0, column);
    }

    /** 0-based offset of the offending character. */
    public int column() {
        return column;
    }

    /** The same error as a {@link SyntaxError} for the profile validator. */
    public SyntaxError toSyntaxError() {
        return new SyntaxError(column, getMessage());
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // A syntax error is an expected result, not a bug: skip the stack walk.
        return this;
    }
}
