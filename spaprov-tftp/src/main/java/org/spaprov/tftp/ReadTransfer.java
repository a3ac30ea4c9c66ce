package org.spaprov.tftp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.socket.DatagramPacket;
import java.util.Map;

/** Serves one RRQ: OACK (if options were agreed), then DATA blocks, each acknowledged (package-private). */
final class ReadTransfer extends Transfer {

    private final byte[] content;
    private final int blockSize;
    private final Map<String, String> oack;
    /** 1-based number of the block last sent; 0 while the OACK awaits ACK 0. */
    private long sent;
    private boolean finalSent;
    /** DATA (not the OACK) awaits its ACK. */
    private boolean dataSent;

    ReadTransfer(TftpServer server, TransferSpec spec, byte[] content, Object context) {
        super(server, spec, context);
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
        sent = n;
        finalSent = length(n) < blockSize;
        dataSent = true;
        sendLast();
    }

    private int length(long n) {
        return (int) Math.min(blockSize, content.length - (n - 1) * blockSize);
    }

    /**
     * Writes DATA {@code sent} straight from the content into one pooled buffer: no {@link Data}
     * record, payload copy or codec pass per packet (the hot path of every read). Same bytes as
     * {@link TftpCodec#encode}.
     */
    @Override
    void writeLast() {
        if (!dataSent) {
            super.writeLast();
            return;
        }
        int offset = (int) ((sent - 1) * blockSize);
        int length = length(sent);
        ByteBuf buf = channel.alloc().ioBuffer(4 + length);
        buf.writeShort(TftpCodec.OP_DATA).writeShort((int) (sent & 0xFFFF)).writeBytes(content, offset, length);
        channel.writeAndFlush(new DatagramPacket(buf, spec.client()), channel.voidPromise());
    }

    @Override
    long bytes() {
        return finalSent && sent > 0 ? content.length : Math.max(0, (sent - 1) * blockSize);
    }
}
