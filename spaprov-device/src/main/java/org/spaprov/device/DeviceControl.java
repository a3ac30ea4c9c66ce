package org.spaprov.device;

import java.util.Optional;
import org.spaprov.profile.Profile;
import org.spaprov.rules.Variables;

/**
 * What the device's peripherals (SIP NOTIFY listener, admin web server, report uploader) may ask of
 * the device. Implemented by the engine.
 *
 * <p>Thread-safe; every call returns at once, the work happens on the device's executor.
 */
public interface DeviceControl {
    /** The MAC address: 12 lower-case hex digits. */
    String mac();

    /** Current value of a parameter (the catalog default when never set); never null. */
    String param(String xmlName);

    /** The current $-variables of SPEC §4.3 (A..P, MA, SWVER, PRVST, ERR, ...). */
    Variables variables();

    /** Resync now (PRVST -1), from {@code url} or the configured rules; no-op unless Provision_Enable. */
    void resyncNow(Optional<String> url, String requesterHost);

    /** Upgrade now from {@code url}; no-op unless Upgrade_Enable. */
    void upgradeNow(String url, String requesterHost);

    /** reboot_now (cold, {@code warm=false}) / restart_now (warm) / web reboot; waits for idle lines. */
    void reboot(boolean warm);

    /** One Report_Rule attempt (NOTIFY report). */
    void sendReport();

    /** Every parameter with value and access; callers drop secrets. */
    Profile runningConfig();
}
