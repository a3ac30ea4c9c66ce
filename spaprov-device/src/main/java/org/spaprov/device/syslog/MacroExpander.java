package org.spaprov.device.syslog;

import org.spaprov.rules.Variables;

/**
 * Expands {@code $NAME} macros in log message templates (SPEC §4.2, §15.20). The rules module's
 * {@code Macros::expand} is the real implementation; {@link LocalMacros} stands in while that is not
 * on the class path. {@code $SA}..{@code $SD} are never expanded here.
 */
@FunctionalInterface
public interface MacroExpander {
    String expand(String text, Variables variables);

    /** The expander used by default. */
    static MacroExpander standard() {
        return LocalMacros::expand;
    }
}
