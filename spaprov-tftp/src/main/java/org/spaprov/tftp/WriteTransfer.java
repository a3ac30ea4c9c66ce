package org.spaprov.tftp;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Receives one WRQ: OACK or ACK 0, then DATA blocks; the upload is stored before the final ACK, so
 * a refused store reaches the client as ERROR. After the final ACK the port stays open for one
 * timeout to re-acknowledge a retransmitted last block (RFC 1350 §6 "dallying"). Package-private.
 */
final class WriteTransfer extends Transfer {

    private enum State { RECEIVING, STORING, DALLYING }

    private final int blockSize;
    private final Map<String, String> oack;
    private final ByteArrayOutputStream received;
    private State state = State.RECEIVING;
    private long expected = 1;
    private int lastBlock;

    WriteTransfer(TftpServer server, TransferSpec spec) {
        super(server, spec);
        this.blockSize = spec.negotiation().blockSize();
        this.oack = spec.negotiation().oack(-1);
        long hint = Math.min(Math.max(spec.negotiation().clientTsize(), 512), server.config().maxUploadSize());
        this.received = new ByteArrayOutputStream((int) Math.min(hint, 1 << 20));
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
        if (received.size() + (long) length > server.config().maxUploadSize()) {
            abort(TftpErrorCode.DISK_FULL, "upload larger than " + server.config().maxUploadSize() + " bytes",
                    TftpTransferEvent.Outcome.TOO_LARGE);
            return;
        }
        received.write(data.payload(), 0, length);
        progress();
        if (length == blockSize) {
            expected++;
            send(new Ack(data.block()));
            return;
        }
        state = State.STORING;
        lastBlock = data.block();
        disarm();
        byte[] content = spec.mode() == TftpMode.NETASCII
                ? Netascii.decode(received.toByteArray()) : received.toByteArray();
        server.blocking().execute(new StoreTask(content));
    }

    private void stored(Optional<TftpRefusal> refusal, boolean failed) {
        if (refusal.isPresent()) {
            abort(refusal.get().code(), refusal.get().message(),
                    failed ? TftpTransferEvent.Outcome.FAILED : TftpTransferEvent.Outcome.REFUSED);
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
    long bytes() {
        return received.size();
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
