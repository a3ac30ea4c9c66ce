package org.spaprov.tftp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

/**
 * The listen socket's handler: admits RRQ/WRQ and hands each to its own {@link Transfer}; refuses
 * RRQ/WRQ with ERROR from a fresh port ({@link TftpServer#refuse}); answers everything else (garbage,
 * stray DATA/ACK) with ERROR from the listen port, which costs no socket (package-private).
 *
 * <p>Admission, in order: an address that asked for too many refused names lately, or that runs its share of
 * transfers, is answered "server busy" from the listen port (no lookup, no new port: the cheapest answer to a
 * flood); then the path policy and the options; then a slot under the global cap; then the source or the sink's
 * admission. Refused names (bad path, not found, upload not accepted) count against the address
 * ({@link PeerBook#refused}).
 *
 * <pre>{@code pipeline: TftpDatagramCodec.INSTANCE -> RequestHandler}</pre>
 */
final class RequestHandler extends SimpleChannelInboundHandler<TftpInbound> {

    private final TftpServer server;

    RequestHandler(TftpServer server) {
        this.server = server;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TftpInbound in) {
        Instant started = server.now();
        InetSocketAddress client = in.sender();
        switch (in.result()) {
            case TftpDecodeResult.Malformed m -> {
                server.reply(ctx.channel(), client, m.code(), m.reason());
                server.rejected(client, TftpTransferEvent.Direction.UNKNOWN, "", TftpTransferEvent.Outcome.MALFORMED,
                        started, m.reason());
            }
            case TftpDecodeResult.Decoded d -> {
                switch (d.packet()) {
                    case ReadRequest r -> admit(ctx, TftpTransferEvent.Direction.READ, r.filename(), r.mode(), r.options(),
                            client, started);
                    case WriteRequest w -> admit(ctx, TftpTransferEvent.Direction.WRITE, w.filename(), w.mode(),
                            w.options(), client, started);
                    case ErrorPacket e -> {
                        // Never answer an error with an error (no ping-pong between two confused peers).
                    }
                    default -> {
                        server.reply(ctx.channel(), client, TftpErrorCode.ILLEGAL_OPERATION, "expected RRQ or WRQ");
                        server.rejected(client, TftpTransferEvent.Direction.UNKNOWN, "",
                                TftpTransferEvent.Outcome.MALFORMED, started, "unexpected " + d.packet());
                    }
                }
            }
        }
    }

    private void admit(ChannelHandlerContext ctx, TftpTransferEvent.Direction direction, String filename, TftpMode mode,
                       Map<String, String> options, InetSocketAddress client, Instant started) {
        if (server.peers().refusing(client.getAddress())) {
            busy(ctx, direction, filename, client, started, "too many refused names from this address");
            return;
        }
        String reason = PathPolicy.reason(filename);
        if (reason != null) {
            server.peers().refused(client.getAddress());
            refuse(direction, filename, client, started,
                    new TftpRefusal(TftpErrorCode.ACCESS_VIOLATION, "Access violation", reason));
            return;
        }
        boolean read = direction == TftpTransferEvent.Direction.READ;
        Object negotiated = Negotiation.of(options, read, server.config());
        if (negotiated instanceof TftpRefusal refusal) {
            refuse(direction, filename, client, started, refusal);
            return;
        }
        switch (server.peers().tryAcquire(client.getAddress())) {
            case ADMITTED -> {
            }
            case SERVER_BUSY -> {
                refuse(direction, filename, client, started, TftpRefusal.notDefined("server busy, try later")
                        .withDetail("server busy: " + server.config().maxTransfers() + " transfers running"));
                return;
            }
            case ADDRESS_BUSY -> {
                busy(ctx, direction, filename, client, started, "this address runs "
                        + server.config().peers().transfersPerAddress() + " transfers");
                return;
            }
            case ADDRESS_REFUSING -> {
                busy(ctx, direction, filename, client, started, "too many refused names from this address");
                return;
            }
        }
        TransferSpec spec = new TransferSpec(client, direction, filename, PathPolicy.normalise(filename), mode,
                (Negotiation) negotiated, started);
        if (read && server.config().inlineSource()) {
            new OpenTask(spec, ctx.channel().eventLoop()).run(); // no hand-off: this loop runs the transfer
            return;
        }
        try {
            server.blocking().execute(read ? new OpenTask(spec, null) : new AdmitUploadTask(spec));
        } catch (RejectedExecutionException e) { // the server is closing
            refuseAdmitted(spec, TftpRefusal.notDefined("server shutting down"), TftpTransferEvent.Outcome.FAILED,
                    null);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A socket error on the listen port must not close it: log and keep serving.
        TftpServer.LOG.warn("TFTP listen socket error: {}", cause.toString());
    }

    private void refuse(TftpTransferEvent.Direction direction, String filename, InetSocketAddress client,
                        Instant started, TftpRefusal refusal) {
        server.refuse(client, refusal.code(), refusal.message());
        server.rejected(client, direction, filename, TftpTransferEvent.Outcome.REFUSED, started, refusal.detail());
    }

    /** Refuses a request of an address over its limits, from the listen port: no lookup, no new port. */
    private void busy(ChannelHandlerContext ctx, TftpTransferEvent.Direction direction, String filename,
                      InetSocketAddress client, Instant started, String detail) {
        server.reply(ctx.channel(), client, TftpErrorCode.NOT_DEFINED, "server busy, try later");
        server.rejected(client, direction, filename, TftpTransferEvent.Outcome.REFUSED, started,
                "server busy: " + detail);
    }

    /** Refuses an admitted request (slot held) from a fresh port. */
    private void refuseAdmitted(TransferSpec spec, TftpRefusal refusal, TftpTransferEvent.Outcome outcome,
                                Object context) {
        server.refuse(spec.client(), refusal.code(), refusal.message());
        server.ended(spec, outcome, 0, refusal.detail(), context);
    }

    /**
     * Asks the file source, then launches the transfer: on a virtual thread (the source may block) with
     * the transfer on the next loop, or inline on {@code loop}, which then also runs the transfer.
     */
    private final class OpenTask implements Runnable {
        private final TransferSpec spec;
        private final EventLoop loop;

        OpenTask(TransferSpec spec, EventLoop loop) {
            this.spec = spec;
            this.loop = loop;
        }

        @Override
        public void run() {
            TftpReadResult result;
            try {
                result = server.source().open(spec.path(), spec.client());
            } catch (Exception e) {
                TftpServer.LOG.warn("TFTP file source failed for {} from {}: {}", TftpCodec.printable(spec.path()),
                        spec.client(), e.toString());
                refuseAdmitted(spec, TftpRefusal.notDefined("server error"), TftpTransferEvent.Outcome.FAILED, null);
                return;
            }
            switch (result) {
                case TftpReadResult.Refused r -> {
                    server.peers().refused(spec.client().getAddress());
                    refuseAdmitted(spec, r.refusal(), TftpTransferEvent.Outcome.REFUSED, r.context());
                }
                case TftpReadResult.Found f -> {
                    byte[] content = spec.mode() == TftpMode.NETASCII ? Netascii.encode(f.content()) : f.content();
                    ReadTransfer transfer = new ReadTransfer(server, spec, content, f.context());
                    if (loop == null) {
                        server.launch(transfer, 1024);
                    } else {
                        server.launch(transfer, 1024, loop);
                    }
                }
            }
        }
    }

    /**
     * Asks the upload sink whether to accept, on a virtual thread, then launches the transfer; nothing is
     * buffered for a refused one, and one announcing ({@code tsize}) more than it may send is refused at once.
     */
    private final class AdmitUploadTask implements Runnable {
        private final TransferSpec spec;

        AdmitUploadTask(TransferSpec spec) {
            this.spec = spec;
        }

        @Override
        public void run() {
            UploadAdmission admission;
            try {
                admission = server.sink().admit(spec.path(), spec.client());
            } catch (Exception e) {
                TftpServer.LOG.warn("TFTP upload sink failed for {} from {}: {}", TftpCodec.printable(spec.path()),
                        spec.client(), e.toString());
                refuseAdmitted(spec, TftpRefusal.notDefined("server error"), TftpTransferEvent.Outcome.FAILED, null);
                return;
            }
            switch (admission) {
                case UploadAdmission.Refused r -> {
                    server.peers().refused(spec.client().getAddress());
                    refuseAdmitted(spec, r.refusal(), TftpTransferEvent.Outcome.REFUSED, r.context());
                }
                case UploadAdmission.Accepted a -> {
                    long max = Math.min(a.maxBytes(), server.config().maxUploadSize());
                    if (spec.negotiation().clientTsize() > max) {
                        refuseAdmitted(spec, new TftpRefusal(TftpErrorCode.DISK_FULL,
                                "Disk full or allocation exceeded", "upload announced larger than " + max + " bytes"),
                                TftpTransferEvent.Outcome.TOO_LARGE, a.context());
                        return;
                    }
                    server.launch(new WriteTransfer(server, spec, max, a.context()),
                            spec.negotiation().blockSize() + 5);
                }
            }
        }
    }
}
