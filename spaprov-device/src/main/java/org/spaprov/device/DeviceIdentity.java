package org.spaprov.device;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.spaprov.profile.Mac;

/**
 * Who a device is: model (catalog key, e.g. {@code spa2102}), MAC (12 lower-case hex digits),
 * serial number, hardware version and, when it has one, its client certificate. The firmware
 * version is state (it changes with upgrades), not identity.
 */
public record DeviceIdentity(String model, String mac, String serial, String hardwareVersion,
                             Optional<ClientCredentials> clientCert) {
    public DeviceIdentity {
        Objects.requireNonNull(model, "model");
        mac = normalizeMac(mac);
        serial = serial == null || serial.isEmpty() ? defaultSerial(mac) : serial;
        hardwareVersion = hardwareVersion == null || hardwareVersion.isEmpty() ? "1.0.0" : hardwareVersion;
        clientCert = clientCert == null ? Optional.empty() : clientCert;
    }

    /** A device with a serial derived from the MAC, hardware 1.0.0 and no client certificate. */
    public static DeviceIdentity of(String model, String mac) {
        return new DeviceIdentity(model, mac, null, null, Optional.empty());
    }

    /**
     * Accepts {@code 000e08aabbcc}, {@code 00:0E:08:AA:BB:CC} or {@code 00-0e-08-aa-bb-cc}.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public static String normalizeMac(String mac) {
        return Mac.parse(mac).hex();
    }

    /** The MAC as a number, for fleets that count up from a base. */
    public static long macToLong(String mac) {
        return Long.parseLong(normalizeMac(mac), 16);
    }

    /** The 12-digit MAC of a number. */
    public static String macOf(long value) {
        return HexFormat.of().toHexDigits(value).substring(4);
    }

    private static String defaultSerial(String mac) {
        return "SN" + mac.substring(2).toUpperCase(Locale.ROOT);
    }
}
