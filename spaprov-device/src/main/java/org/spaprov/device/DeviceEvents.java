package org.spaprov.device;

/**
 * What a device reports about its provisioning, in the order it happens: {@code boot}, then per
 * fetched URL {@code resyncRequest} (with SCHEME/SERV/SERVIP/PORT/PATH set), then one
 * {@code resyncSuccess} or {@code resyncFailure} (ERR set) per resync sequence; the same for
 * upgrades; {@code reboot} before the {@code boot} that follows it.
 *
 * <p>All methods have no-op defaults. Implementations must not block and must not throw: they run
 * on the device's executor.
 */
public interface DeviceEvents {
    /** A do-nothing listener. */
    DeviceEvents NONE = new DeviceEvents() { };

    default void resyncRequest(DeviceVariables v) { }

    default void resyncSuccess(DeviceVariables v) { }

    default void resyncFailure(DeviceVariables v) { }

    default void upgradeRequest(DeviceVariables v) { }

    default void upgradeSuccess(DeviceVariables v) { }

    default void upgradeFailure(DeviceVariables v) { }

    default void boot(String model, String mac, String firmwareVersion) { }

    default void reboot() { }

    /**
     * One Report_Rule attempt ended (SPEC §8): sent, skipped, or failed — {@link
     * org.spaprov.device.report.ReportResult.Outcome#NO_KEY} when {@code --key} expanded to nothing
     * and the report was withheld rather than sent in clear.
     */
    default void report(org.spaprov.device.report.ReportResult result) { }

    /** Fans events out to several listeners, in order; a listener that throws is skipped. */
    static DeviceEvents all(java.util.List<DeviceEvents> listeners) {
        return new FanOutEvents(java.util.List.copyOf(listeners));
    }
}
