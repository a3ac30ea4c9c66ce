package org.spaprov.device.report;

import java.util.function.Function;
import org.spaprov.device.policy.Secrets;
import org.spaprov.profile.Profile;
import org.spaprov.profile.Setting;
import org.spaprov.profile.xml.XmlProfileWriter;

/**
 * The running-configuration document shared by {@code /admin/spacfg.xml} and the Report_Rule upload
 * (SPEC §8, §15.12): a {@code <flat-profile>} with one element per parameter carrying
 * {@code group="Page/Section"} where known, status values included, and every secret
 * ({@link Secrets#isSecret}: GPP_SA..GPP_SD, License_Keys, passwords) left out. Pure.
 */
public final class ConfigReport {
    private ConfigReport() {
    }

    /** The report XML for {@code running}; {@code groupOf} gives a parameter's group or null. */
    public static String xml(Profile running, Function<String, String> groupOf) {
        return XmlProfileWriter.write(withoutSecrets(running), groupOf);
    }

    /** {@code p}'s effective settings minus the secret ones. */
    public static Profile withoutSecrets(Profile p) {
        Profile.Builder b = Profile.builder();
        for (Setting s : p.effective().values()) {
            if (!Secrets.isSecret(s.name())) {
                b.add(s);
            }
        }
        return b.build();
    }
}
