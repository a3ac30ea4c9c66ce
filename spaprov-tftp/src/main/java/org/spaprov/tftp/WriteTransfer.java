package org.spaprov.tftp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Receives one WRQ: OACK or ACK 0, then DATA blocks; the upload is stored before the final ACK, so
 * a refused store reaches the client as ERROR. After the final ACK the port stays open for one
 * timeout to re-acknowledge a retransmitted last block (RFC 1350 §6 "dallying"). Package-private.
 *
 * <p>Memory grows with the bytes received, never with what the client announces ({@code tsize}): each DATA
 * payload is kept as the codec decoded it, after reserving its length in the server's total
 * ({@link TftpServerConfig.PeerLimits#uploadBytesTotal()}); the reservation is given back when the transfer ends.
 * Past the upload's own limit or the total, the transfer ends with ERROR 3.
 */
final class WriteTransfer extends Transfer {

    private enum State { RECEIVING, STORING, DALLYING }

    private final int blockSize;
    private final long maxBytes;
    private final Map<String, String> oack;
    private final List<byte[]> blocks = new ArrayList<>();
    /** Payload bytes received and reserved in {@link PeerBook#reserveUpload}. */
    private long received;
    private State state = State.RECEIVING;
    private long expected = 1;
    private int lastBlock;

    /** @param maxBytes the largest upload accepted: the smaller of the sink's admission and the server's limit */
    WriteTransfer(TftpServer server, TransferSpec spec, long maxBytes, Object context) {
        super(server, spec, context);
        this.blockSize = spec.negotiation().blockSize();
        this.maxBytes = maxBytes;
        this.oack = spec.negotiation().oack(-1);
    }

    @Override
    void start() {
        send(oack.isEmpty() ? new Ack(0) : new OptionAck(oack));
    }

    @Override
    void onPacket(TftpPacket packet) {
        if (!(packet instanceof Data data)) {
            abort(TftpErrorCode.ILLEGAL_OPERATION, "expected DATA", TftpTransferEvent.Outcome.PROTOCOL_ERROR);
            return;
        }
        if (state != State.RECEIVING) {
            return; // the last block is being stored; the client's retransmission needs no answer yet
        }
        if (data.block() != (int) (expected & 0xFFFF)) {
            if (data.block() == (int) ((expected - 1) & 0xFFFF)) {
                resend(); // our ACK was lost
            }
            return;
        }
        int length = data.payload().length;
        if (length > blockSize) {
            abort(TftpErrorCode.ILLEGAL_OPERATION, "DATA larger than the block size " + blockSize,
                    TftpTransferEvent.Outcome.PROTOCOL_ERROR);
            return;
        }
        if (received + length > maxBytes) {
            abort(TftpErrorCode.DISK_FULL, "Disk full or allocation exceeded", TftpTransferEvent.Outcome.TOO_LARGE,
                    "upload larger than " + maxBytes + " bytes");
            return;
        }
        if (!server.peers().reserveUpload(length)) {
            abort(TftpErrorCode.DISK_FULL, "Disk full or allocation exceeded", TftpTransferEvent.Outcome.TOO_LARGE,
                    "uploads in progress hold " + server.config().peers().uploadBytesTotal() + " bytes");
            return;
        }
        received += length;
        if (length > 0) {
            blocks.add(data.payload());
        }
        progress();
        if (length == blockSize) {
            expected++;
            send(new Ack(data.block()));
            return;
        }
        state = State.STORING;
        lastBlock = data.block();
        disarm();
        byte[] whole = concatenate();
        byte[] content = spec.mode() == TftpMode.NETASCII ? Netascii.decode(whole) : whole;
        server.blocking().execute(new StoreTask(content));
    }

    private byte[] concatenate() {
        byte[] whole = new byte[(int) received];
        int at = 0;
        for (byte[] b : blocks) {
            System.arraycopy(b, 0, whole, at, b.length);
            at += b.length;
        }
        blocks.clear();
        return whole;
    }

    private void stored(Optional<TftpRefusal> refusal, boolean failed) {
        if (refusal.isPresent()) {
            TftpRefusal r = refusal.get();
            abort(r.code(), r.message(),
                    failed ? TftpTransferEvent.Outcome.FAILED : TftpTransferEvent.Outcome.STORE_REFUSED, r.detail());
            return;
        }
        state = State.DALLYING;
        write(new Ack(lastBlock));
        report(TftpTransferEvent.Outcome.COMPLETED, "");
        channel.eventLoop().schedule(new DallyEnd(), initialWaitNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    void afterReport(TftpInbound in) {
        if (state == State.DALLYING && in.result() instanceof TftpDecodeResult.Decoded d
                && d.packet() instanceof Data data && data.block() == lastBlock) {
            write(new Ack(lastBlock));
        }
    }

    @Override
    void released() {
        blocks.clear();
        server.peers().releaseUpload(received);
    }

    @Override
    long bytes() {
        return received;
    }

    /** Hands the upload to the sink on a virtual thread, then continues on the event loop. */
    private final class StoreTask implements Runnable {
        private final byte[] content;

        StoreTask(byte[] content) {
            this.content = content;
        }

        @Override
        public void run() {
            Optional<TftpRefusal> refusal;
            boolean failed = false;
            try {
                refusal = server.sink().store(spec.path(), spec.client(), content);
            } catch (Exception e) {
                TftpServer.LOG.warn("TFTP upload sink failed for {} from {}: {}", TftpCodec.printable(spec.path()),
                        spec.client(), e.toString());
                refusal = Optional.of(TftpRefusal.notDefined("cannot store the upload"));
                failed = true;
            }
            Optional<TftpRefusal> result = refusal;
            boolean failure = failed;
            channel.eventLoop().execute(() -> stored(result, failure));
        }
    }

    /** Closes the port after the dally period. */
    private final class DallyEnd implements Runnable {
        @Override
        public void run() {
            channel.close();
        }
    }
}
