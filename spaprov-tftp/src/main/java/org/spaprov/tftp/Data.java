package org.spaprov.tftp;

import java.util.Arrays;

/**
 * DATA (opcode 3): block number {@code block} (0–65535; wraps to 0 after 65535) and up to
 * {@value TftpCodec#MAX_BLOCK_SIZE} payload bytes. The payload array is not copied: treat it as
 * read-only.
 */
public record Data(int block, byte[] payload) implements TftpPacket {

    public Data {
        if (block < 0 || block > 0xFFFF) {
            throw new IllegalArgumentException("block number out of range: " + block);
        }
        if (payload == null || payload.length > TftpCodec.MAX_BLOCK_SIZE) {
            throw new IllegalArgumentException("bad DATA payload");
        }
    }

    @Override
    public int opcode() {
        return TftpCodec.OP_DATA;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Data d && d.block == block && Arrays.equals(d.payload, payload);
    }

    @Override
    public int hashCode() {
        return 31 * block + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "Data[block=" + block + ", " + payload.length + " bytes]";
    }
}
