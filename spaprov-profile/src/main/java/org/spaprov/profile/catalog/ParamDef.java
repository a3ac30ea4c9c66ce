package org.spaprov.profile.catalog;

import java.util.Objects;
import org.spaprov.profile.Access;

/**
 * One parameter of a device model: its XML element name (canonical, SPEC §1.4), its plain-text
 * (SPC source) name (SPEC §2.2), its type, factory default, factory user access, the web-page group
 * {@code Page/Section} (null when not known) and whether the value is a secret (passwords, keys,
 * GPP_SA–SD, License_Keys) that must never be shown in logs, errors or reports. Immutable.
 */
public record ParamDef(String xmlName, String textName, ParamType type, String defaultValue, Access access,
        String group, boolean secret) {
    public ParamDef {
        Objects.requireNonNull(xmlName, "xmlName");
        Objects.requireNonNull(textName, "textName");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(access, "access");
        group = group == null || group.isEmpty() ? null : group;
    }
}
