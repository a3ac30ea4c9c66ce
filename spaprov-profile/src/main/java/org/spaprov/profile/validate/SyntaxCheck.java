package org.spaprov.profile.validate;

import java.util.Optional;

/**
 * An extra syntax check for the values of one parameter kind (rule, upgrade-rule, condition,
 * schedule, …), supplied from outside this module (spaprov-rules) and plugged into the
 * {@link Validator} by {@code ParamType.kind()}.
 *
 * <p>Implementations are pure and thread-safe; they never throw for bad input and never quote
 * secret values in messages.
 */
@FunctionalInterface
public interface SyntaxCheck {
    /** Empty when {@code value} is well-formed; otherwise where (0-based offset in the value) and why not. */
    Optional<SyntaxError> check(String value);
}
