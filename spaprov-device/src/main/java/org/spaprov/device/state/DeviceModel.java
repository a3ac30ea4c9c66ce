package org.spaprov.device.state;

import java.util.List;
import org.spaprov.profile.Access;

/**
 * What the device needs from its model's catalog: identity strings and the default value and
 * access of every parameter. One instance is shared by every device of the model, so a fleet
 * stores defaults once (SPEC §14).
 */
public interface DeviceModel {
    /** Catalog key, e.g. {@code spa2102}. */
    String model();

    /** Product name ($PN), e.g. {@code SPA2102}. */
    String productName();

    /** Product series ($PSN), e.g. {@code 2102}. */
    String series();

    /** Every parameter name the model knows, in catalog order. */
    List<String> names();

    /** Position of the name in {@link #names()} for per-parameter arrays, or -1 (the default: no arrays). */
    default int indexOf(String xmlName) {
        return -1;
    }

    /** True when the model has this parameter; unknown names in a profile are ignored (SPEC §15.4). */
    boolean known(String xmlName);

    /**
     * Whether {@code value} fits the parameter's type (SPEC §11: a device skips a value that does
     * not, and keeps the rest of the file). Default: every value fits.
     */
    default boolean accepts(String xmlName, String value) {
        return true;
    }

    /** The default value ("" when the catalog has none or the name is unknown). */
    String defaultValue(String xmlName);

    /** The default user access (NA when unknown). */
    Access defaultAccess(String xmlName);

    /** {@code Page/Section} of a parameter for reports, or null. */
    String groupOf(String xmlName);

    /** True for values that must never be shown (passwords, keys, GPP_SA..SD, License_Keys). */
    boolean secret(String xmlName);
}
