package org.spaprov.server.http;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Bounds of the HTTP/HTTPS data plane: the configuration record of the HTTP component. Every limit bounds
 * memory, time or file descriptors a client can make the server spend.
 *
 * <table>
 * <caption>Limits</caption>
 * <tr><th>limit</th><th>default</th><th>when exceeded</th></tr>
 * <tr><td>{@code maxInitialLineLength}</td><td>4096 bytes</td><td>414 URI Too Long, connection closed</td></tr>
 * <tr><td>{@code maxHeaderSize}</td><td>8192 bytes</td><td>431 Request Header Fields Too Large, connection closed</td></tr>
 * <tr><td>{@code maxContentLength}</td><td>1 MiB</td><td>413 Content Too Large (report uploads)</td></tr>
 * <tr><td>{@code idleTimeout}</td><td>60 s</td><td>idle keep-alive connection closed</td></tr>
 * <tr><td>{@code maxPipelined}</td><td>16</td><td>connection closed</td></tr>
 * <tr><td>{@code headTimeout}</td><td>10 s</td><td>connection closed: a request head (from the connection's
 *     start, or from the first byte of a later request, to the end of its headers) took longer, however the
 *     bytes trickle in (nginx's {@code client_header_timeout})</td></tr>
 * <tr><td>{@code tlsHandshakeTimeout}</td><td>10 s</td><td>HTTPS connection closed mid-handshake</td></tr>
 * <tr><td>{@code maxConnectionsPerAddress}</td><td>256</td><td>a new connection from that address is closed
 *     at once (a NAT'd office of devices shares one address)</td></tr>
 * <tr><td>{@code maxConnections}</td><td>¾ of the process's file-descriptor limit</td><td>a new connection
 *     is closed at once; open connections, TFTP and the admin API keep the remaining descriptors</td></tr>
 * </table>
 */
public record HttpLimits(int maxInitialLineLength, int maxHeaderSize, int maxContentLength, Duration idleTimeout,
        int maxPipelined, Duration headTimeout, Duration tlsHandshakeTimeout, int maxConnectionsPerAddress,
        int maxConnections) {
    public static final int DEFAULT_MAX_INITIAL_LINE_LENGTH = 4096;
    public static final int DEFAULT_MAX_HEADER_SIZE = 8192;
    public static final int DEFAULT_MAX_CONTENT_LENGTH = 1 << 20;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_PIPELINED = 16;
    public static final Duration DEFAULT_HEAD_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_TLS_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 256;
    /** The total cap when the descriptor limit cannot be read (not a Unix JVM). */
    static final int FALLBACK_MAX_CONNECTIONS = 10_000;

    public HttpLimits {
        if (maxInitialLineLength < 64) {
            throw new IllegalArgumentException("http maxInitialLineLength must be >= 64, got " + maxInitialLineLength);
        }
        if (maxHeaderSize < 256) {
            throw new IllegalArgumentException("http maxHeaderSize must be >= 256, got " + maxHeaderSize);
        }
        if (maxContentLength < 0) {
            throw new IllegalArgumentException("http maxContentLength must be >= 0, got " + maxContentLength);
        }
        positive("idleTimeout", idleTimeout);
        positive("headTimeout", headTimeout);
        positive("tlsHandshakeTimeout", tlsHandshakeTimeout);
        if (maxPipelined < 1) {
            throw new IllegalArgumentException("http maxPipelined must be >= 1, got " + maxPipelined);
        }
        if (maxConnectionsPerAddress < 1 || maxConnections < 1) {
            throw new IllegalArgumentException("http connection caps must be >= 1, got " + maxConnectionsPerAddress
                    + " per address and " + maxConnections + " in total");
        }
    }

    /** The defaults of the table above. */
    public static HttpLimits defaults() {
        return new HttpLimits(DEFAULT_MAX_INITIAL_LINE_LENGTH, DEFAULT_MAX_HEADER_SIZE, DEFAULT_MAX_CONTENT_LENGTH,
                DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_PIPELINED, DEFAULT_HEAD_TIMEOUT, DEFAULT_TLS_HANDSHAKE_TIMEOUT,
                DEFAULT_MAX_CONNECTIONS_PER_ADDRESS, defaultMaxConnections());
    }

    /**
     * Three quarters of the process's open-file limit ({@code ulimit -n}), so that at the cap TFTP, the admin API,
     * the store and the log files still get descriptors.
     */
    public static int defaultMaxConnections() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean u) {
            long max = u.getMaxFileDescriptorCount();
            if (max > 0) {
                return (int) Math.max(16, Math.min(Integer.MAX_VALUE, max / 4 * 3));
            }
        }
        return FALLBACK_MAX_CONNECTIONS;
    }

    public HttpLimits withHeadTimeout(Duration d) {
        return new HttpLimits(maxInitialLineLength, maxHeaderSize, maxContentLength, idleTimeout, maxPipelined, d,
                tlsHandshakeTimeout, maxConnectionsPerAddress, maxConnections);
    }

    public HttpLimits withTlsHandshakeTimeout(Duration d) {
        return new HttpLimits(maxInitialLineLength, maxHeaderSize, maxContentLength, idleTimeout, maxPipelined,
                headTimeout, d, maxConnectionsPerAddress, maxConnections);
    }

    public HttpLimits withConnectionCaps(int perAddress, int total) {
        return new HttpLimits(maxInitialLineLength, maxHeaderSize, maxContentLength, idleTimeout, maxPipelined,
                headTimeout, tlsHandshakeTimeout, perAddress, total);
    }

    private static void positive(String name, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("http " + name + " must be positive, got " + d);
        }
    }
}
