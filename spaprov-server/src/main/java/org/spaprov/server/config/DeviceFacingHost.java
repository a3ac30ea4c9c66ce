package org.spaprov.server.config;

/**
 * The host name a server writes into the URLs it hands to devices, derived from its bind address.
 * One place for the two rules, which differ on purpose:
 * <ul>
 *   <li>{@link #forHttps}: the name in {@code pki/server.crt}, because a device checks the
 *       certificate CN against the URL host (SPEC §9): {@code localhost} for loopback and wildcard
 *       binds, else the bind address.</li>
 *   <li>{@link #forFirmware}: a plain address for TFTP/HTTP firmware downloads: {@code 127.0.0.1} for
 *       loopback; for a wildcard bind the server cannot know the name devices use, so {@code $SERV}
 *       (the host of the device's last resync URL).</li>
 * </ul>
 */
public final class DeviceFacingHost {
    private DeviceFacingHost() {
    }

    public static String forHttps(String bind) {
        return switch (bind) {
            case "127.0.0.1", "::1", "localhost", "0.0.0.0", "::", "" -> "localhost";
            default -> bind;
        };
    }

    public static String forFirmware(String bind) {
        return switch (bind) {
            case "0.0.0.0", "::", "" -> "$SERV";
            case "localhost", "::1" -> "127.0.0.1";
            default -> bind;
        };
    }
}
