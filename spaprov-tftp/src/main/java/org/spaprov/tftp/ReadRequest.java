package org.spaprov.tftp;

import java.util.Map;

/**
 * RRQ (opcode 1): read {@code filename} in {@code mode}, with RFC 2347 options (lower-case names,
 * wire order; empty when none).
 */
public record ReadRequest(String filename, TftpMode mode, Map<String, String> options) implements TftpPacket {

    public ReadRequest {
        filename = Requests.checkFilename(filename);
        if (mode == null) {
            throw new IllegalArgumentException("mode is required");
        }
        options = Requests.copyOptions(options);
    }

    /** An RRQ without options. */
    public ReadRequest(String filename, TftpMode mode) {
        this(filename, mode, Map.of());
    }

    @Override
    public int opcode() {
        return TftpCodec.OP_RRQ;
    }
}
