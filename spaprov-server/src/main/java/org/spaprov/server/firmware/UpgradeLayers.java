package org.spaprov.server.firmware;

import java.util.Optional;
import org.spaprov.profile.Profile;
import org.spaprov.server.config.DeviceFacingHost;
import org.spaprov.server.site.FirmwareFile;
import org.spaprov.server.site.Layer;
import org.spaprov.server.site.Site;
import org.spaprov.server.site.SiteException;

/**
 * The generated per-model firmware layer: when {@code spaprov.yaml} names a target version for a
 * model ({@code firmware: {spa2102: 5.2.12}}), its devices get
 * <pre>Upgrade_Rule = ($SWVER ne 5.2.12)? http://127.0.0.1:8080/firmware/spa2102-5.2.12.bin</pre>
 * The base URL is {@code firmware-url} from the site, else HTTP on the bound HTTP port, else TFTP
 * on the bound TFTP port (firmware is never offered over HTTPS, which v3.0 devices refuse for
 * upgrades). The host is {@code listen.public-host}, else the bind address; for a wildcard bind ({@code 0.0.0.0}) the server cannot
 * know the name devices use, so it writes {@code $SERV}, the host of the device's last resync URL —
 * which a device only knows after a resync, not at the boot after one: set {@code firmware-url} in
 * such sites. Stateless.
 */
public final class UpgradeLayers {
    private UpgradeLayers() {
    }

    /**
     * The layer for {@code model}, empty when the site sets no target for it.
     *
     * @param httpPort bound HTTP port, -1 when none
     * @param tftpPort bound TFTP port, -1 when none
     */
    public static Optional<Layer> forModel(Site site, String model, int httpPort, int tftpPort) throws SiteException {
        String version = site.config().firmware().get(model);
        if (version == null) {
            return Optional.empty();
        }
        FirmwareFile f = site.firmware().image(model, version).orElseThrow(() -> SiteException.at("spaprov.yaml", 0,
                "firmware." + model + ": no image of version " + version + " in firmware/"));
        String host = DeviceFacingHost.forFirmware(site.config().listen());
        String base = site.config().firmwareUrl().orElseGet(() -> httpPort >= 0 ? "http://" + host + ":" + httpPort + "/firmware/"
                : tftpPort >= 0 ? "tftp://" + host + ":" + tftpPort + "/firmware/" : "/firmware/");
        if (!base.endsWith("/")) {
            base = base + "/";
        }
        String rule = "($SWVER ne " + version + ")? " + base + f.name();
        return Optional.of(Layer.of(Profile.builder().set("Upgrade_Rule", rule).build(), "<firmware " + model + ">"));
    }

}
