package org.spaprov.device.report;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.spaprov.device.policy.Secrets;
import org.spaprov.profile.Profile;
import org.spaprov.profile.Setting;
import org.spaprov.profile.catalog.Catalog;
import org.spaprov.profile.catalog.ParamDef;
import org.spaprov.profile.xml.XmlProfileWriter;

/**
 * The running-configuration document shared by {@code /admin/spacfg.xml} and the Report_Rule upload
 * (SPEC §8, §15.12): a {@code <flat-profile>} with one element per parameter carrying
 * {@code group="Page/Section"} where known, status values included, and every secret left out:
 * {@link Secrets#isSecret} (GPP_SA..GPP_SD, License_Keys, passwords, private keys) and whatever the
 * catalog flags as secret. Immutable and thread-safe.
 */
public final class ConfigReport {
    /** No groups; only the built-in secret names are dropped. */
    public static final ConfigReport PLAIN = new ConfigReport(name -> null, name -> false);

    private final Function<String, String> groupOf;
    private final Predicate<String> secret;

    /**
     * @param groupOf a parameter's {@code Page/Section} group, or null when unknown
     * @param secret further parameters never to include (in addition to {@link Secrets#isSecret})
     */
    public ConfigReport(Function<String, String> groupOf, Predicate<String> secret) {
        this.groupOf = Objects.requireNonNull(groupOf, "groupOf");
        this.secret = Objects.requireNonNull(secret, "secret");
    }

    /** Groups and secret flags from the device model's catalog. */
    public static ConfigReport of(Catalog catalog) {
        return new ConfigReport(catalog::groupOf, name -> {
            ParamDef p = catalog.get(name);
            return p != null && p.secret();
        });
    }

    /** True when {@code xmlName} must never be reported. */
    public boolean isSecret(String xmlName) {
        return Secrets.isSecret(xmlName) || secret.test(xmlName);
    }

    /** The report XML for the running configuration. */
    public String xml(Profile running) {
        return XmlProfileWriter.write(withoutSecrets(running), groupOf);
    }

    /** {@code p}'s effective settings minus the secret ones. */
    public Profile withoutSecrets(Profile p) {
        Profile.Builder b = Profile.builder();
        for (Setting s : p.effective().values()) {
            if (!isSecret(s.name())) {
                b.add(s);
            }
        }
        return b.build();
    }
}
