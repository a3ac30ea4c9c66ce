package org.spaprov.server.config;

/**
 * The host name a server writes into the URLs it hands to devices: {@code listen.public-host} when the
 * site sets it (then for every URL, in brackets when it is an IPv6 address), else derived from the bind
 * address by two rules, which differ on purpose:
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

    /** The host for HTTPS URLs (and {@code server.host}). */
    public static String forHttps(ServerConfig.Listen listen) {
        return listen.publicHost().map(DeviceFacingHost::inUrl).orElseGet(() -> forHttps(listen.bind()));
    }

    /** The host for firmware URLs. */
    public static String forFirmware(ServerConfig.Listen listen) {
        return listen.publicHost().map(DeviceFacingHost::inUrl).orElseGet(() -> forFirmware(listen.bind()));
    }

    /** True when {@code bind} is a loopback address, so devices elsewhere cannot reach it anyway. */
    public static boolean isLoopback(String bind) {
        return switch (bind) {
            case "localhost", "::1", "[::1]" -> true;
            default -> bind.startsWith("127.");
        };
    }

    private static String inUrl(String host) {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    static String forHttps(String bind) {
        return switch (bind) {
            case "127.0.0.1", "::1", "localhost", "0.0.0.0", "::", "" -> "localhost";
            default -> bind;
        };
    }

    static String forFirmware(String bind) {
        return switch (bind) {
            case "0.0.0.0", "::", "" -> "$SERV";
            case "localhost", "::1" -> "127.0.0.1";
            default -> bind;
        };
    }
}
