package org.spaprov.tftp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server's answer to a request's RFC 2347 options (package-private). Known options:
 * {@code blksize} (RFC 2348; values above the configured maximum are lowered to it, values below 8
 * or not numbers are refused), {@code timeout} (RFC 2349; 1–255 s, else refused; above
 * {@link TftpServerConfig.PeerLimits#maxClientTimeout()} declined: left out of the OACK, so the server's own
 * timeout applies and an abandoned transfer is freed within seconds) and
 * {@code tsize} (RFC 2349; must be a number; for WRQ larger than the upload limit is refused
 * with ERROR 3). Unknown options are left out of the OACK, as RFC 2347 requires.
 */
record Negotiation(int blockSize, boolean blksize, int timeoutSeconds, boolean tsize, long clientTsize) {

    static final Negotiation NONE = new Negotiation(TftpCodec.DEFAULT_BLOCK_SIZE, false, 0, false, -1);

    /** A {@link Negotiation} or a {@link TftpRefusal}. */
    static Object of(Map<String, String> options, boolean read, TftpServerConfig config) {
        if (options.isEmpty()) {
            return NONE;
        }
        int blockSize = TftpCodec.DEFAULT_BLOCK_SIZE;
        int timeout = 0;
        boolean tsize = false;
        long clientTsize = -1;
        boolean blksize = false;
        for (Map.Entry<String, String> option : options.entrySet()) {
            String name = option.getKey();
            long value = parse(option.getValue());
            switch (name) {
                case "blksize" -> {
                    if (value < TftpCodec.MIN_BLOCK_SIZE) {
                        return refuse("invalid blksize " + TftpCodec.printable(option.getValue()));
                    }
                    blockSize = (int) Math.min(value, config.maxBlockSize());
                    blksize = true;
                }
                case "timeout" -> {
                    if (value < 1 || value > 255) {
                        return refuse("invalid timeout " + TftpCodec.printable(option.getValue()));
                    }
                    if (value <= config.peers().maxClientTimeout().toSeconds()) {
                        timeout = (int) value;
                    }
                }
                case "tsize" -> {
                    if (value < 0) {
                        return refuse("invalid tsize " + TftpCodec.printable(option.getValue()));
                    }
                    if (!read && value > config.maxUploadSize()) {
                        return new TftpRefusal(TftpErrorCode.DISK_FULL, "upload larger than "
                                + config.maxUploadSize() + " bytes");
                    }
                    tsize = true;
                    clientTsize = value;
                }
                default -> {
                    // RFC 2347 §3: options the server does not know are ignored.
                }
            }
        }
        return new Negotiation(blockSize, blksize, timeout, tsize, clientTsize);
    }

    /** The OACK options (empty: answer without OACK); {@code size} is the file size for RRQ. */
    Map<String, String> oack(long size) {
        if (!blksize && !tsize && timeoutSeconds == 0) {
            return Map.of();
        }
        Map<String, String> accepted = new LinkedHashMap<>();
        if (blksize) {
            accepted.put("blksize", Integer.toString(blockSize));
        }
        if (timeoutSeconds > 0) {
            accepted.put("timeout", Integer.toString(timeoutSeconds));
        }
        if (tsize) {
            accepted.put("tsize", Long.toString(size >= 0 ? size : clientTsize));
        }
        return accepted;
    }

    private static TftpRefusal refuse(String message) {
        return new TftpRefusal(TftpErrorCode.OPTION_REFUSED, message);
    }

    private static long parse(String text) {
        String t = text.trim();
        if (t.isEmpty() || t.length() > 18 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Long.parseLong(t);
    }
}
