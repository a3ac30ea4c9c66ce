package org.spaprov.server.http;

import java.time.Duration;

/**
 * Bounds of the HTTP/HTTPS data plane. Every limit bounds memory or time a client can make the server spend.
 *
 * <table>
 * <caption>Limits</caption>
 * <tr><th>limit</th><th>default</th><th>when exceeded</th></tr>
 * <tr><td>{@code maxInitialLineLength}</td><td>4096 bytes</td><td>414 URI Too Long, connection closed</td></tr>
 * <tr><td>{@code maxHeaderSize}</td><td>8192 bytes</td><td>431 Request Header Fields Too Large, connection closed</td></tr>
 * <tr><td>{@code maxContentLength}</td><td>1 MiB</td><td>413 Content Too Large (report uploads)</td></tr>
 * <tr><td>{@code idleTimeout}</td><td>60 s</td><td>idle keep-alive connection closed</td></tr>
 * <tr><td>{@code maxPipelined}</td><td>16</td><td>connection closed</td></tr>
 * </table>
 */
public record HttpLimits(int maxInitialLineLength, int maxHeaderSize, int maxContentLength, Duration idleTimeout,
        int maxPipelined) {
    public static final int DEFAULT_MAX_INITIAL_LINE_LENGTH = 4096;
    public static final int DEFAULT_MAX_HEADER_SIZE = 8192;
    public static final int DEFAULT_MAX_CONTENT_LENGTH = 1 << 20;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_PIPELINED = 16;

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
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("http idleTimeout must be positive, got " + idleTimeout);
        }
        if (maxPipelined < 1) {
            throw new IllegalArgumentException("http maxPipelined must be >= 1, got " + maxPipelined);
        }
    }

    /** The defaults of the table above. */
    public static HttpLimits defaults() {
        return new HttpLimits(DEFAULT_MAX_INITIAL_LINE_LENGTH, DEFAULT_MAX_HEADER_SIZE, DEFAULT_MAX_CONTENT_LENGTH,
                DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_PIPELINED);
    }
}
