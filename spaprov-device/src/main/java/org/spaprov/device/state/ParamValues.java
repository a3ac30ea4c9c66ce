package org.spaprov.device.state;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.spaprov.profile.Access;

/**
 * A device's parameter values as the differences from its model's defaults. Catalog parameters
 * live in an array indexed by {@link DeviceModel#indexOf} (4 bytes per parameter, allocated only
 * once something differs), other names in a small map; values are interned so a fleet that got
 * the same profile shares the strings. 100,000 devices with full profiles fit in a 2 GiB heap.
 *
 * <p>Immutable; {@link #with} returns a copy. Equality is by content.
 */
public final class ParamValues {
    private static final ParamValues EMPTY = new ParamValues(null, null, null, Map.of(), Map.of());
    /** Interned values are bounded so unique values (passwords, ids) cannot grow the table forever. */
    private static final int INTERN_LIMIT = 200_000;
    private static final Map<String, String> INTERNED = new ConcurrentHashMap<>();

    private final DeviceModel model;
    private final String[] values;
    private final byte[] access;
    private final Map<String, String> extraValues;
    private final Map<String, Access> extraAccess;

    private ParamValues(DeviceModel model, String[] values, byte[] access, Map<String, String> extraValues,
                        Map<String, Access> extraAccess) {
        this.model = model;
        this.values = values;
        this.access = access;
        this.extraValues = extraValues;
        this.extraAccess = extraAccess;
    }

    public static ParamValues empty() {
        return EMPTY;
    }

    /** Values and accesses that differ from the defaults (entries equal to the default are dropped). */
    public static ParamValues of(DeviceModel model, Map<String, String> values, Map<String, Access> access) {
        return EMPTY.with(model, values, access);
    }

    /** The current value: the override, else the model default. */
    public String value(DeviceModel m, String name) {
        int i = values == null ? -1 : m.indexOf(name);
        String v = i >= 0 && i < values.length ? values[i] : extraValues.get(name);
        return v != null ? v : m.defaultValue(name);
    }

    public Access access(DeviceModel m, String name) {
        int i = access == null ? -1 : m.indexOf(name);
        Access a = i >= 0 && i < access.length && access[i] != 0 ? Access.values()[access[i] - 1] : extraAccess.get(name);
        return a != null ? a : m.defaultAccess(name);
    }

    /** Overridden values only (name → value). */
    public Map<String, String> values() {
        Map<String, String> m = new LinkedHashMap<>();
        if (values != null) {
            List<String> names = model.names();
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    m.put(names.get(i), values[i]);
                }
            }
        }
        m.putAll(extraValues);
        return m;
    }

    /** Overridden accesses only. */
    public Map<String, Access> accesses() {
        Map<String, Access> m = new LinkedHashMap<>();
        if (access != null) {
            List<String> names = model.names();
            for (int i = 0; i < access.length; i++) {
                if (access[i] != 0) {
                    m.put(names.get(i), Access.values()[access[i] - 1]);
                }
            }
        }
        m.putAll(extraAccess);
        return m;
    }

    /** True when no value differs from the default. */
    public boolean noValues() {
        return extraValues.isEmpty() && (values == null || Arrays.stream(values).allMatch(Objects::isNull));
    }

    /** True when the values (not the accesses) equal {@code other}'s. */
    public boolean sameValues(ParamValues other) {
        if (model == other.model || model == null || other.model == null) {
            return Arrays.equals(values, other.values) && extraValues.equals(other.extraValues);
        }
        return values().equals(other.values());
    }

    /** This state with {@code newValues} and {@code newAccess} applied (values equal to the default are dropped). */
    public ParamValues with(DeviceModel m, Map<String, String> newValues, Map<String, Access> newAccess) {
        if (newValues.isEmpty() && newAccess.isEmpty()) {
            return this;
        }
        if (model != null && model != m) {
            return of(m, values(), accesses()).with(m, newValues, newAccess); // re-index for another model
        }
        int n = m.names().size();
        String[] v = values;
        byte[] a = access;
        Map<String, String> xv = extraValues;
        Map<String, Access> xa = extraAccess;
        for (Map.Entry<String, String> e : newValues.entrySet()) {
            String name = e.getKey();
            String val = e.getValue().equals(m.defaultValue(name)) ? null : intern(e.getValue());
            int i = m.indexOf(name);
            if (i >= 0 && i < n) {
                if (v == null && val == null) {
                    continue;
                }
                v = v == values ? (v == null ? new String[n] : v.clone()) : v;
                v[i] = val;
            } else {
                xv = xv == extraValues ? new HashMap<>(xv) : xv;
                if (val == null) {
                    xv.remove(name);
                } else {
                    xv.put(name, val);
                }
            }
        }
        for (Map.Entry<String, Access> e : newAccess.entrySet()) {
            String name = e.getKey();
            byte code = e.getValue() == m.defaultAccess(name) ? 0 : (byte) (e.getValue().ordinal() + 1);
            int i = m.indexOf(name);
            if (i >= 0 && i < n) {
                if (a == null && code == 0) {
                    continue;
                }
                a = a == access ? (a == null ? new byte[n] : a.clone()) : a;
                a[i] = code;
            } else {
                xa = xa == extraAccess ? new HashMap<>(xa) : xa;
                if (code == 0) {
                    xa.remove(name);
                } else {
                    xa.put(name, e.getValue());
                }
            }
        }
        if (v != null && Arrays.stream(v).allMatch(Objects::isNull)) {
            v = null;
        }
        if (a != null && allZero(a)) {
            a = null;
        }
        if (v == null && a == null && xv.isEmpty() && xa.isEmpty()) {
            return EMPTY;
        }
        return new ParamValues(m, v, a, xv == extraValues ? xv : Map.copyOf(xv), xa == extraAccess ? xa : Map.copyOf(xa));
    }

    private static boolean allZero(byte[] a) {
        for (byte b : a) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String intern(String s) {
        String i = INTERNED.get(s);
        if (i != null) {
            return i;
        }
        if (INTERNED.size() < INTERN_LIMIT && s.length() <= 1024) {
            i = INTERNED.putIfAbsent(s, s);
            return i != null ? i : s;
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ParamValues p)) {
            return false;
        }
        if (model == p.model || model == null || p.model == null) {
            return sameValues(p) && Arrays.equals(access, p.access) && extraAccess.equals(p.extraAccess);
        }
        return values().equals(p.values()) && accesses().equals(p.accesses());
    }

    @Override
    public int hashCode() {
        return Objects.hash(values(), accesses());
    }

    @Override
    public String toString() {
        return "ParamValues[" + values().size() + " values, " + accesses().size() + " accesses]"; // values may be secret
    }
}
