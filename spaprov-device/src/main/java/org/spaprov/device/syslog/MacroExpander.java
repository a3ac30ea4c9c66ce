package org.spaprov.device.syslog;

import org.spaprov.rules.Macros;
import org.spaprov.rules.Variables;

/**
 * Expands {@code $NAME} macros in log message templates (SPEC §4.2, §15.20). The standard one is the
 * rules module's {@link Macros#expand}, which never expands {@code $SA}..{@code $SD}; tests may
 * substitute their own.
 */
@FunctionalInterface
public interface MacroExpander {
    String expand(String text, Variables variables);

    /** The expander used by default. */
    static MacroExpander standard() {
        return Macros::expand;
    }
}
