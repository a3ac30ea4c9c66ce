package org.spaprov.device.fetch;

import java.time.Duration;

/**
 * Network limits of a device's downloads.
 *
 * <table>
 * <caption>Defaults</caption>
 * <tr><th>setting</th><th>default</th></tr>
 * <tr><td>connectTimeout</td><td>10 s</td></tr>
 * <tr><td>responseTimeout (HTTP: the TLS handshake, then each read)</td><td>30 s</td></tr>
 * <tr><td>tftpTimeout (per packet)</td><td>2 s</td></tr>
 * <tr><td>tftpRetries</td><td>5</td></tr>
 * <tr><td>tftpBlockSize (RFC 2348)</td><td>1428</td></tr>
 * </table>
 */
public record FetchSettings(Duration connectTimeout, Duration responseTimeout, Duration tftpTimeout,
                            int tftpRetries, int tftpBlockSize) {
    public static final FetchSettings DEFAULTS =
            new FetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(2), 5, 1428);

    public FetchSettings {
        if (tftpBlockSize < 8 || tftpBlockSize > 65464) {
            throw new IllegalArgumentException("tftpBlockSize must be 8..65464, got " + tftpBlockSize);
        }
        if (tftpRetries < 0) {
            throw new IllegalArgumentException("tftpRetries must be >= 0, got " + tftpRetries);
        }
    }
}
