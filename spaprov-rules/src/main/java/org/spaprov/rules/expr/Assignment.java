package org.spaprov.rules.expr;

import java.util.Objects;
import org.spaprov.rules.VariableNames;

/**
 * {@code name = "value" ;} inside {@code ( … )!}: the name as written (an XML element name, or one
 * letter {@code a}..{@code p} for {@code GPP_A}..{@code GPP_P}); the value before macro expansion.
 */
public record Assignment(String name, String value) {
    public Assignment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (value.indexOf('"') >= 0) {
            throw new IllegalArgumentException("an assigned value cannot contain '\"'");
        }
    }

    /** The XML element name assigned: {@code c} → {@code GPP_C}, other names unchanged. */
    public String xmlName() {
        return name.length() == 1 ? VariableNames.gppParam(name.charAt(0)) : name;
    }
}
