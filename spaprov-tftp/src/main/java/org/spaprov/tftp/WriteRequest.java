package org.spaprov.tftp;

import java.util.Map;

/**
 * WRQ (opcode 2): write {@code filename} in {@code mode}, with RFC 2347 options (lower-case names,
 * wire order; empty when none).
 */
public record WriteRequest(String filename, TftpMode mode, Map<String, String> options) implements TftpPacket {

    public WriteRequest {
        filename = Requests.checkFilename(filename);
        if (mode == null) {
            throw new IllegalArgumentException("mode is required");
        }
        options = Requests.copyOptions(options);
    }

    /** A WRQ without options. */
    public WriteRequest(String filename, TftpMode mode) {
        this(filename, mode, Map.of());
    }

    @Override
    public int opcode() {
        return TftpCodec.OP_WRQ;
    }
}
