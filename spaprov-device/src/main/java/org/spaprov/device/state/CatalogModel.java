package org.spaprov.device.state;

import java.util.List;
import org.spaprov.profile.Access;
import org.spaprov.profile.catalog.Catalog;
import org.spaprov.profile.catalog.ParamDef;

/** A {@link DeviceModel} on a spaprov-profile {@link Catalog}: only catalog names are parameters (SPEC §15.4). */
public final class CatalogModel implements DeviceModel {
    private final Catalog catalog;
    private final List<String> names;

    public CatalogModel(Catalog catalog) {
        this.catalog = catalog;
        this.names = catalog.params().stream().map(ParamDef::xmlName).toList();
    }

    public Catalog catalog() {
        return catalog;
    }

    @Override public String model() { return catalog.model(); }
    @Override public String productName() { return catalog.productName(); }
    @Override public String series() { return catalog.series(); }
    @Override public List<String> names() { return names; }
    @Override public boolean known(String xmlName) { return catalog.get(xmlName) != null; }
    @Override public int indexOf(String xmlName) { return catalog.indexOf(xmlName); }

    @Override
    public boolean accepts(String xmlName, String value) {
        ParamDef p = catalog.get(xmlName);
        try {
            return p == null || p.type().check(value).isEmpty();
        } catch (RuntimeException e) {
            return false; // a checker that cannot read the value rejects it
        }
    }

    @Override
    public String defaultValue(String xmlName) {
        ParamDef p = catalog.get(xmlName);
        return p == null ? "" : p.defaultValue();
    }

    @Override
    public Access defaultAccess(String xmlName) {
        ParamDef p = catalog.get(xmlName);
        return p == null ? Access.NA : p.access();
    }

    @Override
    public String groupOf(String xmlName) {
        return catalog.groupOf(xmlName);
    }

    @Override
    public boolean secret(String xmlName) {
        ParamDef p = catalog.get(xmlName);
        return p != null ? p.secret() : org.spaprov.device.policy.Secrets.isSecret(xmlName);
    }
}
