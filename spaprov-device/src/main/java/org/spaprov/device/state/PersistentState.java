package org.spaprov.device.state;

import java.util.Objects;

/**
 * What survives a power cycle (the device's flash): parameter overrides, the running firmware
 * version and the upgrade bookkeeping.
 *
 * @param params            values and accesses that differ from the model defaults
 * @param firmwareVersion   the running load ($SWVER)
 * @param lastUpgradeUrl    effective URL of the last successful upgrade, "" when none (loop protection, SPEC §6.6)
 * @param skipResyncOnReset true when the next boot follows a reboot caused by changed values or an
 *                          upgrade, which does not resync on reset (SPEC §15.10)
 * @param resyncAfterBoot   true when the next boot must resync at once (Resync_After_Upgrade_Attempt
 *                          after a successful upgrade)
 */
public record PersistentState(ParamValues params, String firmwareVersion, String lastUpgradeUrl,
                              boolean skipResyncOnReset, boolean resyncAfterBoot) {
    public PersistentState {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(firmwareVersion, "firmwareVersion");
        lastUpgradeUrl = lastUpgradeUrl == null ? "" : lastUpgradeUrl;
    }

    /** A factory-fresh device running {@code firmwareVersion}. */
    public static PersistentState fresh(String firmwareVersion) {
        return new PersistentState(ParamValues.empty(), firmwareVersion, "", false, false);
    }

    public PersistentState withParams(ParamValues p) {
        return new PersistentState(p, firmwareVersion, lastUpgradeUrl, skipResyncOnReset, resyncAfterBoot);
    }

    public PersistentState withBootFlags(boolean skip, boolean resyncAfter) {
        return new PersistentState(params, firmwareVersion, lastUpgradeUrl, skip, resyncAfter);
    }

    public PersistentState withFirmware(String version, String url) {
        return new PersistentState(params, version, url, skipResyncOnReset, resyncAfterBoot);
    }
}
