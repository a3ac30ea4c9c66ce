package org.spaprov.tftp;

/**
 * ERROR (opcode 5): an error code and a message (at most {@value TftpCodec#MAX_ERROR_MESSAGE_BYTES}
 * bytes on the wire; longer messages are truncated by the codec). Ends the transfer.
 */
public record ErrorPacket(TftpErrorCode code, String message) implements TftpPacket {

    public ErrorPacket {
        if (code == null) {
            throw new IllegalArgumentException("code is required");
        }
        message = message == null ? "" : message.replace('\0', ' ');
    }

    @Override
    public int opcode() {
        return TftpCodec.OP_ERROR;
    }
}
