package org.spaprov.server.feedback.status;

/**
 * A device's status as the admin API shows it ({@code GET /api/v1/devices/{mac}} → {@code status}): times are
 * ISO-8601 UTC strings, absent parts null. No secret is in it. Immutable; serialised by Jackson.
 *
 * @param lastContact its last provisioning request, null when never seen
 * @param firmware    the firmware it runs: from its last successful upgrade's syslog line when that is newer
 *                    than its last request, else from its User-Agent; null when unknown
 * @param lastResync  its last resync outcome, null when unknown
 * @param lastUpgrade its last upgrade outcome, null when unknown
 * @param stale       not heard from for twice its {@code Resync_Periodic} plus {@code Resync_Random_Delay}
 *                    (never stale when periodic resync is off, or when never seen)
 * @param applied     where its intended profile stands
 */
public record DeviceStatus(Contact lastContact, String firmware, Outcome lastResync, Outcome lastUpgrade,
        boolean stale, Applied applied) {

    /** The last request: time, address, {@code tftp|http|https}, User-Agent (null when none was sent). */
    public record Contact(String at, String address, String protocol, String userAgent) {
    }

    /**
     * A resync or upgrade outcome.
     *
     * @param result {@code ok} or {@code failed}
     * @param error  the device's {@code $ERR} when failed, else null
     * @param source {@code syslog} (its log line), {@code request} (it fetched its profile; no line since) or
     *               {@code report}
     */
    public record Outcome(String at, String result, String error, String source) {
    }

    /**
     * The applied state of the device's profile: {@code pending} (never fetched, or the layers that make it
     * changed since the last fetch; {@code hash}/{@code at} then name that older fetch) → {@code served} (fetched:
     * {@code hash} is that profile's content hash, {@code at} when) → {@code acknowledged} (its syslog resync
     * success line came after that fetch). {@code verified}/{@code drifted} (its next report against that
     * profile) are decided by the report feedback ({@code feedback.drift}) on top of {@code acknowledged}.
     */
    public record Applied(String state, String hash, String at) {
    }
}
