package org.spaprov.server.provision;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.spaprov.profile.Finding;
import org.spaprov.profile.Profile;
import org.spaprov.profile.Setting;
import org.spaprov.server.device.DeviceRecord;
import org.spaprov.profile.xml.XmlProfileWriter;
import org.spaprov.server.site.Site;
import org.spaprov.server.site.SiteException;

/**
 * The whole-site check that start-up, hot reload and {@code spaprov site check} share: the bootstrap
 * layer renders, and every device of {@code devices.csv} gets a profile that builds (no undefined
 * placeholder, no missing {@code var.} column, no group without a layer) and validates without
 * errors against its model's catalog — what {@link BuildStage} and {@link ValidateStage} would
 * otherwise answer with 500 at request time. Findings name the device and the layer's file:line and
 * never quote a secret value. Stateless and thread-safe.
 */
public final class SiteCheck {
    /** What a secret value shows as in {@link #render} unless asked for. */
    public static final String MASK = "********";

    private SiteCheck() {
    }

    /** Every finding, one line each; empty when the site is good. */
    public static List<String> findings(Site site) {
        BuildStage build = new BuildStage(() -> BoundPorts.NONE);
        List<String> out = new ArrayList<>();
        if (site.bootstrap().isPresent()) {
            try {
                build.bootstrapFor(site, Optional.empty());
            } catch (SiteException e) {
                out.add("bootstrap: " + e.getMessage());
            }
        }
        for (DeviceRecord d : site.devices().values().stream().sorted((a, b) -> a.mac().compareTo(b.mac())).toList()) {
            try {
                Profile p = build.build(site, d);
                List<Finding> errors = ValidateStage.validator(d.model()).validate(p, false).stream().filter(Finding::isError).toList();
                if (!errors.isEmpty()) {
                    out.add("device " + d.mac() + ": invalid profile: " + errors.get(0)
                            + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
                }
            } catch (SiteException e) {
                out.add("device " + d.mac() + ": " + e.getMessage());
            }
        }
        return out;
    }

    /**
     * Throws the first finding (and how many more), for a loader that must refuse a broken site.
     *
     * @throws SiteException naming the device and file:line
     */
    public static void require(Site site) throws SiteException {
        List<String> f = findings(site);
        if (!f.isEmpty()) {
            throw new SiteException(f.get(0) + (f.size() > 1 ? " (and " + (f.size() - 1) + " more devices)" : ""));
        }
    }

    /**
     * The profile {@code mac} of the site would get as plain XML, with every secret parameter's value
     * replaced by {@link #MASK} unless {@code showSecrets}. Generated URLs name the ports of
     * {@code spaprov.yaml}, as a server started on them would (port 0 in the yaml: as yet unknown).
     *
     * @throws SiteException when the device is not in {@code devices.csv} or its profile does not build
     */
    public static String render(Site site, String mac, boolean showSecrets) throws SiteException {
        DeviceRecord d = site.devices().get(mac);
        if (d == null) {
            throw SiteException.at("devices.csv", 0, "no device " + mac);
        }
        var listen = site.config().listen();
        BoundPorts yaml = new BoundPorts(listen.tftpPort() > 0 ? listen.tftpPort() : -1,
                listen.httpPort() > 0 ? listen.httpPort() : -1, listen.httpsPort() > 0 ? listen.httpsPort() : -1);
        Profile p = new BuildStage(() -> yaml).build(site, d);
        if (!showSecrets) {
            Profile.Builder b = Profile.builder();
            for (Setting s : p.statements()) {
                b.add(EncodeStage.isSecret(s, d.key()) && s.value() != null && !s.value().isEmpty()
                        ? new Setting(s.name(), MASK, s.access(), s.position()) : s);
            }
            p = b.build();
        }
        return XmlProfileWriter.write(p);
    }
}
