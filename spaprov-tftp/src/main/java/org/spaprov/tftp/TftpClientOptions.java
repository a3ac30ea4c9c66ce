package org.spaprov.tftp;

import java.time.Duration;

/**
 * Options of one {@link TftpClient} transfer. Immutable; derive variants with the {@code with*}
 * methods.
 *
 * @param blockSize         the RFC 2348 blksize to ask for (8–65464); 512 sends no blksize option
 * @param tsize             ask for (RRQ) or announce (WRQ) the transfer size, RFC 2349
 * @param timeoutOption     the RFC 2349 timeout to ask the server for, in seconds (1–255); 0 sends none
 * @param retransmitTimeout how long to wait for an answer before sending the last packet again;
 *                          doubles on each consecutive retry, up to 8 times this value
 * @param maxRetries        consecutive retransmissions before giving up with {@code TIMEOUT}
 * @param overallTimeout    the whole transfer's deadline ({@code TIMEOUT} when reached)
 * @param maxSize           the largest file {@code get} accepts ({@code TOO_LARGE} beyond)
 */
public record TftpClientOptions(int blockSize, boolean tsize, int timeoutOption, Duration retransmitTimeout,
                                int maxRetries, Duration overallTimeout, long maxSize) {

    /** Default maximum file size for {@code get}: 64 MiB. */
    public static final long DEFAULT_MAX_SIZE = 64L << 20;

    public TftpClientOptions {
        if (blockSize < TftpCodec.MIN_BLOCK_SIZE || blockSize > TftpCodec.MAX_BLOCK_SIZE) {
            throw new IllegalArgumentException("blockSize must be 8..65464: " + blockSize);
        }
        if (timeoutOption < 0 || timeoutOption > 255) {
            throw new IllegalArgumentException("timeoutOption must be 0..255: " + timeoutOption);
        }
        if (retransmitTimeout == null || retransmitTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("retransmitTimeout must be at least 1 ms: " + retransmitTimeout);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0: " + maxRetries);
        }
        if (overallTimeout == null || overallTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("overallTimeout must be at least 1 ms: " + overallTimeout);
        }
        if (maxSize < 0) {
            throw new IllegalArgumentException("maxSize must be >= 0: " + maxSize);
        }
    }

    /** blksize 1468 (fits an Ethernet MTU), tsize, no timeout option, 1 s retransmit, 5 retries, 60 s, 64 MiB. */
    public static TftpClientOptions defaults() {
        return new TftpClientOptions(1468, true, 0, Duration.ofSeconds(1), 5, Duration.ofSeconds(60), DEFAULT_MAX_SIZE);
    }

    /** Plain RFC 1350: no options at all. */
    public static TftpClientOptions plain() {
        return defaults().withBlockSize(TftpCodec.DEFAULT_BLOCK_SIZE).withTsize(false);
    }

    public TftpClientOptions withBlockSize(int value) {
        return new TftpClientOptions(value, tsize, timeoutOption, retransmitTimeout, maxRetries, overallTimeout, maxSize);
    }

    public TftpClientOptions withTsize(boolean value) {
        return new TftpClientOptions(blockSize, value, timeoutOption, retransmitTimeout, maxRetries, overallTimeout, maxSize);
    }

    public TftpClientOptions withTimeoutOption(int seconds) {
        return new TftpClientOptions(blockSize, tsize, seconds, retransmitTimeout, maxRetries, overallTimeout, maxSize);
    }

    public TftpClientOptions withRetransmitTimeout(Duration value) {
        return new TftpClientOptions(blockSize, tsize, timeoutOption, value, maxRetries, overallTimeout, maxSize);
    }

    public TftpClientOptions withMaxRetries(int value) {
        return new TftpClientOptions(blockSize, tsize, timeoutOption, retransmitTimeout, value, overallTimeout, maxSize);
    }

    public TftpClientOptions withOverallTimeout(Duration value) {
        return new TftpClientOptions(blockSize, tsize, timeoutOption, retransmitTimeout, maxRetries, value, maxSize);
    }

    public TftpClientOptions withMaxSize(long value) {
        return new TftpClientOptions(blockSize, tsize, timeoutOption, retransmitTimeout, maxRetries, overallTimeout, value);
    }

    /** True when any RFC 2347 option would be sent. */
    boolean sendsOptions() {
        return blockSize != TftpCodec.DEFAULT_BLOCK_SIZE || tsize || timeoutOption > 0;
    }
}
