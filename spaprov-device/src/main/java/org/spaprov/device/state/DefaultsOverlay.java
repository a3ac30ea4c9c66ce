package org.spaprov.device.state;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.spaprov.profile.Access;

/**
 * A model whose defaults are changed by a few values, shared by every device of a fleet: a fleet's
 * {@code --set} values then cost nothing per device (only differences from these are stored).
 */
public final class DefaultsOverlay implements DeviceModel {
    private final DeviceModel base;
    private final Map<String, String> defaults;
    private final List<String> names;

    public DefaultsOverlay(DeviceModel base, Map<String, String> defaults) {
        this.base = base;
        this.defaults = Map.copyOf(defaults);
        // base names first and in order, so base.indexOf stays valid for them
        LinkedHashSet<String> n = new LinkedHashSet<>(base.names());
        n.addAll(new java.util.TreeSet<>(defaults.keySet()));
        this.names = List.copyOf(new ArrayList<>(n));
    }

    @Override public String model() { return base.model(); }
    @Override public String productName() { return base.productName(); }
    @Override public String series() { return base.series(); }
    @Override public List<String> names() { return names; }
    @Override public boolean known(String xmlName) { return defaults.containsKey(xmlName) || base.known(xmlName); }

    @Override
    public String defaultValue(String xmlName) {
        String v = defaults.get(xmlName);
        return v != null ? v : base.defaultValue(xmlName);
    }

    @Override public int indexOf(String xmlName) { return base.indexOf(xmlName); }
    @Override public boolean accepts(String xmlName, String value) { return base.accepts(xmlName, value); }
    @Override public Access defaultAccess(String xmlName) { return base.defaultAccess(xmlName); }
    @Override public String groupOf(String xmlName) { return base.groupOf(xmlName); }
    @Override public boolean secret(String xmlName) { return base.secret(xmlName); }
}
