package org.spaprov.tftp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One server-side transfer on its own UDP channel (its own port, the transfer ID of RFC 1350 §4):
 * retransmission with doubling back-off, wrong-TID handling, and exactly one event at the end
 * (package-private). A transfer whose packet goes unanswered for one timeout is <em>stalled</em> until it moves
 * again; when its address already has {@link TftpServerConfig.PeerLimits#stalledPerAddress()} stalled transfers it
 * is abandoned at once rather than retransmitting, so unanswered floods free their slots within one timeout. Runs on the channel's event loop; subclasses add the RRQ or WRQ logic.
 *
 * <pre>{@code pipeline: TftpDatagramCodec.INSTANCE -> (ReadTransfer | WriteTransfer)}</pre>
 */
abstract class Transfer extends SimpleChannelInboundHandler<TftpInbound> {

    final TftpServer server;
    final TransferSpec spec;
    /** What the source or sink attached to this request, for the event. */
    private final Object context;
    Channel channel;
    private TftpPacket lastSent;
    /** The pending retransmission check, if any; it may fire early and then re-arms itself. */
    private ScheduledFuture<?> timer;
    /** System.nanoTime() at which the last sent packet is due again; 0 = nothing awaited. */
    private long deadline;
    private final RetransmitTask retransmit = new RetransmitTask();
    private final long initialWaitNanos;
    private final long maxWaitNanos;
    private long waitNanos;
    private int retries;
    /** The event was reported and the concurrency slot released. */
    private boolean reported;
    /** Counted in the address's stalled transfers ({@link PeerBook#tryStall}). */
    private boolean stalled;

    Transfer(TftpServer server, TransferSpec spec, Object context) {
        this.server = server;
        this.spec = spec;
        this.context = context;
        TftpServerConfig config = server.config();
        int optionSeconds = spec.negotiation().timeoutSeconds();
        this.initialWaitNanos = optionSeconds > 0
                ? TimeUnit.SECONDS.toNanos(optionSeconds) : config.retransmitTimeout().toNanos();
        this.maxWaitNanos = Math.max(initialWaitNanos, config.maxRetransmitTimeout().toNanos());
        this.waitNanos = initialWaitNanos;
    }

    /** Sends the first packet (OACK, DATA 1 or ACK 0). */
    abstract void start();

    /** Handles a well-formed packet from the client that is not ERROR. */
    abstract void onPacket(TftpPacket packet);

    /** Bytes moved so far, for the event. */
    abstract long bytes();

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        start();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TftpInbound in) {
        if (!in.sender().equals(spec.client())) {
            // RFC 1350 §4: a stray TID gets an error without disturbing the transfer.
            if (!(in.result() instanceof TftpDecodeResult.Decoded d && d.packet() instanceof ErrorPacket)) {
                channel.writeAndFlush(new TftpOutbound(new ErrorPacket(TftpErrorCode.UNKNOWN_TID,
                        "Unknown transfer ID"), in.sender()), channel.voidPromise());
            }
            return;
        }
        if (reported) {
            afterReport(in);
            return;
        }
        switch (in.result()) {
            case TftpDecodeResult.Malformed m ->
                    abort(m.code(), m.reason(), TftpTransferEvent.Outcome.PROTOCOL_ERROR);
            case TftpDecodeResult.Decoded d when d.packet() instanceof ErrorPacket e ->
                    finish(TftpTransferEvent.Outcome.PEER_ERROR, "client error " + e.code().code() + ": "
                            + TftpCodec.printable(e.message()));
            case TftpDecodeResult.Decoded d -> onPacket(d.packet());
        }
    }

    /** A packet after the event was reported (the WRQ dally); ignored by default. */
    void afterReport(TftpInbound in) {
    }

    /** Sends {@code packet} and waits for the answer, retransmitting on silence. */
    final void send(TftpPacket packet) {
        lastSent = packet;
        write(packet);
        arm();
    }

    /**
     * Sends the packet that {@link #writeLast()} writes and waits for the answer, retransmitting on
     * silence; for subclasses that encode their packets themselves (DATA from the file, uncopied).
     */
    final void sendLast() {
        lastSent = null;
        writeLast();
        arm();
    }

    /** Writes the packet awaiting an answer again: by default the one given to {@link #send}. */
    void writeLast() {
        if (lastSent != null) {
            write(lastSent);
        }
    }

    /** Sends {@code packet} once, without expecting an answer. */
    final void write(TftpPacket packet) {
        channel.writeAndFlush(new TftpOutbound(packet, spec.client()), channel.voidPromise());
    }

    /** Sends the last packet again (the client's answer to it was lost). */
    final void resend() {
        writeLast();
    }

    /** The transfer moved forward: restore the retransmission budget. */
    final void progress() {
        retries = 0;
        waitNanos = initialWaitNanos;
        unstall();
    }

    private void unstall() {
        if (stalled) {
            stalled = false;
            server.peers().unstall(spec.client().getAddress());
        }
    }

    final void disarm() {
        deadline = 0;
    }

    /**
     * Sets the retransmission deadline. The timer is rescheduled only when none is pending: a
     * transfer sends one packet per round trip, and rescheduling on each would churn the event
     * loop's timer queue; instead an early firing re-arms itself for the remaining time.
     */
    private void arm() {
        deadline = System.nanoTime() + waitNanos;
        if (deadline == 0) {
            deadline = 1;
        }
        if (timer == null) {
            timer = channel.eventLoop().schedule(retransmit, waitNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void cancelTimer() {
        deadline = 0;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    long initialWaitNanos() {
        return initialWaitNanos;
    }

    /** Sends ERROR to the client and ends the transfer. */
    final void abort(TftpErrorCode code, String message, TftpTransferEvent.Outcome outcome) {
        abort(code, message, outcome, message);
    }

    /** Sends ERROR {@code message} to the client and ends the transfer; the event says {@code detail}. */
    final void abort(TftpErrorCode code, String message, TftpTransferEvent.Outcome outcome, String detail) {
        if (reported) {
            return;
        }
        disarm();
        channel.writeAndFlush(new TftpOutbound(new ErrorPacket(code, message), spec.client()))
                .addListener(ChannelFutureListener.CLOSE);
        report(outcome, detail);
    }

    /** Ends the transfer and closes its channel. */
    final void finish(TftpTransferEvent.Outcome outcome, String detail) {
        report(outcome, detail);
        channel.close();
    }

    /** Reports the event and frees the concurrency slot, once; the channel may stay open (dally). */
    final void report(TftpTransferEvent.Outcome outcome, String detail) {
        if (reported) {
            return;
        }
        reported = true;
        cancelTimer();
        unstall();
        released();
        server.ended(spec, outcome, bytes(), detail, context);
    }

    /** The transfer ended: give back what it holds beyond its slot (upload buffers). */
    void released() {
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelTimer();
        report(TftpTransferEvent.Outcome.FAILED, "channel closed");
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        TftpServer.LOG.warn("TFTP transfer of {} for {} failed: {}", TftpCodec.printable(spec.filename()),
                spec.client(), cause.toString());
        finish(TftpTransferEvent.Outcome.FAILED, "server error");
    }

    /** Retransmits the last packet with doubled wait, or gives up (a named task for thread dumps). */
    private final class RetransmitTask implements Runnable {
        @Override
        public void run() {
            timer = null;
            if (reported || deadline == 0) {
                return;
            }
            long early = deadline - System.nanoTime();
            if (early > 0) {
                timer = channel.eventLoop().schedule(this, early, TimeUnit.NANOSECONDS);
                return;
            }
            if (++retries > server.config().maxRetries()) {
                finish(TftpTransferEvent.Outcome.TIMED_OUT, "no answer after " + (retries - 1) + " retransmissions");
                return;
            }
            if (!stalled) {
                if (!server.peers().tryStall(spec.client().getAddress())) {
                    abort(TftpErrorCode.NOT_DEFINED, "server busy, try later", TftpTransferEvent.Outcome.TIMED_OUT,
                            "abandoned: no answer within one timeout, and too many stalled transfers from this"
                                    + " address");
                    return;
                }
                stalled = true;
            }
            waitNanos = Math.min(waitNanos * 2, maxWaitNanos);
            writeLast();
            arm();
        }
    }
}
