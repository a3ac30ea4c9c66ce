package org.spaprov.profile;

import java.util.Objects;

/**
 * One parameter statement of a profile: a canonical XML element name (SPEC §1.4), and what the
 * statement does to the value and to the user access.
 *
 * <ul>
 *   <li>{@code value == null}: the value is left unchanged ({@code <X/>}, {@code Name ! ;}).</li>
 *   <li>{@code access == null}: the access is left unchanged (SPEC §15.3).</li>
 * </ul>
 * Immutable.
 */
public record Setting(String name, String value, Access access, Position position) {
    public Setting {
        Objects.requireNonNull(name, "name");
        position = position == null ? Position.NONE : position;
    }

    /** A setting that changes the value only. */
    public static Setting of(String name, String value) {
        return new Setting(name, value, null, Position.NONE);
    }

    /** True when this statement sets a value (possibly the empty string). */
    public boolean hasValue() {
        return value != null;
    }

    /** A copy with another value. */
    public Setting withValue(String newValue) {
        return new Setting(name, newValue, access, position);
    }
}
