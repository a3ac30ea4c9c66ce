package org.spaprov.tftp;

import java.util.Arrays;
import java.util.Map;

/** Serves one RRQ: OACK (if options were agreed), then DATA blocks, each acknowledged (package-private). */
final class ReadTransfer extends Transfer {

    private final byte[] content;
    private final int blockSize;
    private final Map<String, String> oack;
    /** 1-based number of the block last sent; 0 while the OACK awaits ACK 0. */
    private long sent;
    private boolean finalSent;

    ReadTransfer(TftpServer server, TransferSpec spec, byte[] content) {
        super(server, spec);
        this.content = content;
        this.blockSize = spec.negotiation().blockSize();
        this.oack = spec.negotiation().oack(content.length);
    }

    @Override
    void start() {
        if (oack.isEmpty()) {
            sendBlock(1);
        } else {
            send(new OptionAck(oack));
        }
    }

    @Override
    void onPacket(TftpPacket packet) {
        if (!(packet instanceof Ack ack)) {
            abort(TftpErrorCode.ILLEGAL_OPERATION, "expected ACK", TftpTransferEvent.Outcome.PROTOCOL_ERROR);
            return;
        }
        if (ack.block() != (int) (sent & 0xFFFF)) {
            return; // a duplicate ACK: answering it would start the Sorcerer's Apprentice (RFC 1123 §4.2.3.1)
        }
        progress();
        if (finalSent) {
            finish(TftpTransferEvent.Outcome.COMPLETED, "");
        } else {
            sendBlock(sent + 1);
        }
    }

    private void sendBlock(long n) {
        long offset = (n - 1) * blockSize;
        int length = (int) Math.min(blockSize, content.length - offset);
        sent = n;
        finalSent = length < blockSize;
        send(new Data((int) (n & 0xFFFF), Arrays.copyOfRange(content, (int) offset, (int) offset + length)));
    }

    @Override
    long bytes() {
        return finalSent && sent > 0 ? content.length : Math.max(0, (sent - 1) * blockSize);
    }
}
