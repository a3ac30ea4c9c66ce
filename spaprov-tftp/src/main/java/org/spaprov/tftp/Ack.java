package org.spaprov.tftp;

/** ACK (opcode 4) of block {@code block} (0–65535); block 0 answers a WRQ or an OACK. */
public record Ack(int block) implements TftpPacket {

    public Ack {
        if (block < 0 || block > 0xFFFF) {
            throw new IllegalArgumentException("block number out of range: " + block);
        }
    }

    @Override
    public int opcode() {
        return TftpCodec.OP_ACK;
    }
}
