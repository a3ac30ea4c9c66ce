package org.spaprov.device;

import org.spaprov.rules.Variables;

/**
 * What the device reports about its provisioning life. Every method has a no-op default;
 * implementations must not block or throw.
 */
public interface DeviceEvents {
    /** A resync starts; SCHEME/SERV/SERVIP/PORT/PATH are set for the URL. */
    default void resyncRequest(Variables v) {
    }

    default void resyncSuccess(Variables v) {
    }

    /** A resync failed; ERR is set. */
    default void resyncFailure(Variables v) {
    }

    default void upgradeRequest(Variables v) {
    }

    default void upgradeSuccess(Variables v) {
    }

    default void upgradeFailure(Variables v) {
    }

    /** At every power-up and reboot. */
    default void boot(String model, String mac, String firmwareVersion) {
    }

    default void reboot() {
    }
}
