package org.spaprov.profile;

import java.util.Locale;
import java.util.Optional;

/**
 * User-account access to a parameter (SPEC §1.5, §2.2). Admin access is never restricted.
 * XML carries it as {@code ua="na|ro|rw"}; plain text as no mark, {@code ?} or {@code !}.
 */
public enum Access {
    /** The User account cannot see the parameter. Text: no mark. */
    NA("na", ""),
    /** The User account can read it. Text: {@code ?}. */
    RO("ro", "?"),
    /** The User account can change it. Text: {@code !}. */
    RW("rw", "!");

    private final String xml;
    private final String mark;

    Access(String xml, String mark) {
        this.xml = xml;
        this.mark = mark;
    }

    /** The {@code ua} attribute value. */
    public String xml() {
        return xml;
    }

    /** The plain-text mark: empty, {@code ?} or {@code !}. */
    public String mark() {
        return mark;
    }

    /** Parses a {@code ua} attribute value, case-insensitively; empty for an unknown value (SPEC §15.3). */
    public static Optional<Access> fromXml(String ua) {
        String s = ua.trim().toLowerCase(Locale.ROOT);
        for (Access a : values()) {
            if (a.xml.equals(s)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
