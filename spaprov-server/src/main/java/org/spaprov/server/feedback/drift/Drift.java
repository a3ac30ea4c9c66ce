package org.spaprov.server.feedback.drift;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.spaprov.profile.Profile;
import org.spaprov.profile.Setting;
import org.spaprov.profile.catalog.Catalog;
import org.spaprov.profile.catalog.Catalogs;
import org.spaprov.profile.catalog.ParamDef;

/**
 * A device's drift: its latest report against its intended profile, parameter by parameter. Compared
 * are the parameters the intended profile sets that the model's catalog defines and the report
 * carries: a parameter the report leaves out is not known to differ (devices never report
 * GPP_SA–SD or passwords; {@code --delta} reports carry only changes), and status values (the
 * {@code Info}/{@code Status} pages, not in the catalog) describe the device, not its configuration.
 * The catalog's {@code ua} access is the <em>user</em> account's and says nothing about whether
 * provisioning sets a parameter, so {@code na}/{@code ro} parameters are compared too. Secrets are
 * compared by SHA-256 only and always shown as {@link #MASK}. Immutable.
 *
 * @param mac      the device
 * @param reportAt when the report compared was received
 * @param error    why the latest report could not be compared (does not parse), empty otherwise
 * @param drift    the differing parameters, in the intended profile's order
 */
public record Drift(String mac, Instant reportAt, Optional<String> error, List<Entry> drift) {
    /** What a secret value shows as. */
    public static final String MASK = "********";

    public Drift {
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(reportAt, "reportAt");
        Objects.requireNonNull(error, "error");
        drift = List.copyOf(drift);
    }

    /** One differing parameter; secret values are {@link #MASK}. */
    public record Entry(String name, String intended, String reported) {
    }

    /** How many parameters differ (for the device status: 0 → {@code verified}, more → {@code drifted}). */
    public int count() {
        return drift.size();
    }

    /** The parameters of {@code model} whose {@code reported} value differs from {@code intended}. */
    public static List<Entry> compare(String model, Profile intended, Profile reported) {
        Catalog catalog = Catalogs.find(model).orElse(null);
        List<Entry> out = new ArrayList<>();
        for (Setting s : intended.effective().values()) {
            ParamDef def = catalog == null ? null : catalog.byXml(s.name()).orElse(null);
            if (def == null || isStatus(def) || s.value() == null) {
                continue;
            }
            String got = reported.value(s.name());
            if (got == null) {
                continue;
            }
            boolean secret = def.secret() || Catalogs.isSecret(s.name());
            if (secret ? !sameHash(s.value(), got) : !s.value().equals(got)) {
                out.add(secret ? new Entry(s.name(), MASK, MASK) : new Entry(s.name(), s.value(), got));
            }
        }
        return out;
    }

    /** Status pages of the device's web UI: values it shows, not settings. */
    private static boolean isStatus(ParamDef def) {
        return def.group() != null && (def.group().startsWith("Info/") || def.group().startsWith("Status/"));
    }

    private static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(sha256(a), sha256(b));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
