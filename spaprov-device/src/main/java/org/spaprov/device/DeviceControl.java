package org.spaprov.device;

import java.util.Optional;
import org.spaprov.profile.Profile;

/**
 * What the outside world (SIP NOTIFY listener, admin web server, report uploader, fleet) may ask
 * of one emulated device.
 *
 * <p>Thread-safe. Every call returns at once; the work happens on the device's own executor, in
 * order, one step at a time, so callers never block on a download.
 */
public interface DeviceControl {
    /** The MAC address: 12 lower-case hex digits. */
    String mac();

    /** The current value of a parameter (catalog default when never set), never null. */
    String param(String xmlName);

    /** A snapshot of the $-variables of SPEC §4.3 (A..P, MA, SWVER, PRVST, ERR, ...). */
    DeviceVariables variables();

    /** Resync now, from {@code url} or from the configured rules (PRVST -1); no-op unless Provision_Enable. */
    void resyncNow(Optional<String> url, String requesterHost);

    /** Upgrade now from {@code url}; no-op unless Upgrade_Enable. */
    void upgradeNow(String url, String requesterHost);

    /** Reboot (cold) or restart (warm) when all lines are idle; the next boot resyncs per Resync_On_Reset. */
    void reboot(boolean warm);

    /**
     * Marks line 1 or 2 busy (a call in progress) or idle: a due resync waits while a line is busy,
     * up to Forced_Resync_Delay; reboots and upgrades wait for idle lines.
     *
     * @throws IllegalArgumentException for a line other than 1 or 2
     */
    void setLineBusy(int line, boolean busy);

    /** One Report_Rule attempt (NOTIFY report); no retries. */
    void sendReport();

    /** Every parameter with its value and access (callers drop secrets before showing it). */
    Profile runningConfig();
}
