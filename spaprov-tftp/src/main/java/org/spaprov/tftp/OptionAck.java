package org.spaprov.tftp;

import java.util.Map;

/** OACK (opcode 6, RFC 2347): the options the server accepted, with their final values. */
public record OptionAck(Map<String, String> options) implements TftpPacket {

    public OptionAck {
        options = Requests.copyOptions(options);
    }

    @Override
    public int opcode() {
        return TftpCodec.OP_OACK;
    }
}
