package org.spaprov.device.state;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.spaprov.profile.Access;

/**
 * A device's parameter values as the differences from its model's defaults: only values and
 * accesses that differ are stored, so 100,000 devices of one model share one default table.
 *
 * <p>Immutable; {@link #with} returns a copy. Equality is by content.
 */
public final class ParamValues {
    private static final ParamValues EMPTY = new ParamValues(Map.of(), Map.of());

    private final Map<String, String> values;
    private final Map<String, Access> access;

    private ParamValues(Map<String, String> values, Map<String, Access> access) {
        this.values = values;
        this.access = access;
    }

    public static ParamValues empty() {
        return EMPTY;
    }

    /** Values and accesses that differ from the defaults (entries equal to the default are dropped). */
    public static ParamValues of(DeviceModel model, Map<String, String> values, Map<String, Access> access) {
        Map<String, String> v = new HashMap<>();
        values.forEach((k, val) -> {
            if (!val.equals(model.defaultValue(k))) {
                v.put(k, val);
            }
        });
        Map<String, Access> a = new HashMap<>();
        access.forEach((k, acc) -> {
            if (acc != model.defaultAccess(k)) {
                a.put(k, acc);
            }
        });
        return v.isEmpty() && a.isEmpty() ? EMPTY : new ParamValues(compact(v), compactA(a));
    }

    /** The current value: the override, else the model default. */
    public String value(DeviceModel model, String name) {
        String v = values.get(name);
        return v != null ? v : model.defaultValue(name);
    }

    public Access access(DeviceModel model, String name) {
        Access a = access.get(name);
        return a != null ? a : model.defaultAccess(name);
    }

    /** Overridden values only. */
    public Map<String, String> values() {
        return values;
    }

    /** Overridden accesses only. */
    public Map<String, Access> accesses() {
        return access;
    }

    /**
     * This state with {@code changes} applied (null value or access = unchanged).
     *
     * @param changes name → [value or null, access or null]
     */
    public ParamValues with(DeviceModel model, Map<String, String> newValues, Map<String, Access> newAccess) {
        if (newValues.isEmpty() && newAccess.isEmpty()) {
            return this;
        }
        Map<String, String> v = new HashMap<>(values);
        Map<String, Access> a = new HashMap<>(access);
        newValues.forEach((k, val) -> {
            if (val.equals(model.defaultValue(k))) {
                v.remove(k);
            } else {
                v.put(k, val);
            }
        });
        newAccess.forEach((k, acc) -> {
            if (acc == model.defaultAccess(k)) {
                a.remove(k);
            } else {
                a.put(k, acc);
            }
        });
        return v.isEmpty() && a.isEmpty() ? EMPTY : new ParamValues(compact(v), compactA(a));
    }

    private static Map<String, String> compact(Map<String, String> m) {
        return m.isEmpty() ? Map.of() : m.size() <= 10 ? Map.copyOf(m) : Collections.unmodifiableMap(m);
    }

    private static Map<String, Access> compactA(Map<String, Access> m) {
        return m.isEmpty() ? Map.of() : Map.copyOf(m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParamValues p && values.equals(p.values) && access.equals(p.access);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values, access);
    }

    @Override
    public String toString() {
        return "ParamValues[" + values.size() + " values, " + access.size() + " accesses]"; // values may be secret
    }
}
