package org.spaprov.server.net;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.spaprov.server.http.AccessLog;
import org.spaprov.server.provision.ServerMetrics;
import org.spaprov.server.provision.DeferredEvents;
import org.spaprov.server.provision.PathGuard;
import org.spaprov.server.config.ServerConfig;
import org.spaprov.server.provision.Protocol;
import org.spaprov.server.provision.ProvisionRequest;
import org.spaprov.server.provision.ProvisionResult;
import org.spaprov.server.provision.ProvisionService;
import org.spaprov.server.provision.ReportSink;
import org.spaprov.server.config.ServerConfig;
import org.spaprov.server.store.ProvisionEvent;
import org.spaprov.tftp.TftpErrorCode;
import org.spaprov.tftp.TftpFileSource;
import org.spaprov.tftp.TftpReadResult;
import org.spaprov.tftp.TftpRefusal;
import org.spaprov.tftp.TftpServer;
import org.spaprov.tftp.TftpServerConfig;
import org.spaprov.tftp.TftpTransferEvent;
import org.spaprov.tftp.TftpTransferListener;
import org.spaprov.tftp.TftpUploadSink;
import org.spaprov.tftp.UploadAdmission;

/**
 * Wires spaprov-tftp's {@link TftpServer} to the provisioning seams: RRQ → {@link ProvisionService} (status 200 →
 * the bytes; 404 → ERROR 1 "File not found"; 403 → ERROR 2 "Access violation"; 429/503 → ERROR 0 "server busy";
 * anything else → ERROR 0 "server error"); WRQ → {@link ReportSink#admit} before anything is buffered (else ERROR 2),
 * then {@link ReportSink#accept} with the whole upload (200 → final ACK; 403 → ERROR 2; 413 → ERROR 3; else
 * ERROR 0). Error texts are generic because a TFTP client is anyone: the result's reason (layer paths, parameter
 * names) goes to the event and the log only. The TFTP server already confines paths (no {@code ..}, no absolute
 * Windows paths, bounded length), bounds what each source address may hold, and calls both on virtual threads,
 * except RRQs with {@link NetSettings.Dispatch#INLINE}, which run on the event loop that received them.
 *
 * <p>Events: with a service that lets the transport record ({@link DeferredEvents}, the real chain), an RRQ's
 * event is recorded when its transfer ends and says what happened: 200 only when every block was acknowledged;
 * 408 timed out, 499 aborted by the client, 400 protocol error, 413 too large, 500 server failure; a refusal with
 * the service's status, or 403/503 when the TFTP server refused it itself (bad path, options, address limits). A
 * WRQ that reached {@link ReportSink#accept} is recorded there; one that ended before is recorded here.
 * Undecodable datagrams are not events (a junk flood would fill the store); the TFTP server answers them.
 */
final class TftpWiring {
    private TftpWiring() {
    }

    /** Starts the server; returns it so the owner can close it. */
    static TftpServer start(NetSettings s, ProvisionService service, ReportSink reports, java.time.Clock clock,
            ServerMetrics metrics) throws IOException {
        ServerConfig.Tftp t = s.tftp();
        InetSocketAddress bind = new InetSocketAddress(InetAddress.getByName(s.bind()), s.tftpPort());
        TftpServerConfig config = TftpServerConfig.defaults(bind)
                .withMaxTransfers(t.maxTransfers())
                .withMaxBlockSize(t.maxBlockSize())
                .withRetransmit(t.timeout(), t.timeout().multipliedBy(8), t.retries())
                .withMaxUploadSize(t.maxUpload())
                .withPeers(t.peerLimits())
                // ioThreads stays 0: TFTP's own default (fewer loops than HTTP, see TftpServer).
                // The same rule as HTTP: inline when the service never blocks (embedded store).
                .withInlineSource(s.dispatch() == NetSettings.Dispatch.INLINE);
        TftpTransferListener events = service instanceof DeferredEvents d ? recorder(d) : TftpTransferListener.NONE;
        TftpTransferListener listener = e -> {
            events.transferEnded(e);
            ProvisionResult served = e.context() instanceof ProvisionResult r ? r : null;
            int status = status(e, served);
            metrics.tftpTransfer(e.direction(), e.outcome());
            if (e.direction() == TftpTransferEvent.Direction.READ) {
                metrics.request(Protocol.TFTP, status, e.duration().toNanos());
            }
            AccessLog.tftp(e, served != null ? served.deviceMac() : Optional.empty(), status);
        };
        try {
            return TftpServer.start(config, files(service), uploads(reports), listener, clock);
        } catch (IllegalArgumentException e) {
            throw new IOException("tftp: " + e.getMessage(), e);
        } catch (BindException e) {
            throw new IOException("cannot listen for tftp on " + s.bind() + ":" + s.tftpPort() + ": port in use", e);
        } catch (IOException e) {
            throw new IOException("cannot listen for tftp on " + s.bind() + ":" + s.tftpPort() + ": " + e.getMessage(),
                    e);
        }
    }

    /** RRQ → {@link ProvisionService}; the result rides along as the event's context. */
    static TftpFileSource files(ProvisionService service) {
        DeferredEvents deferred = service instanceof DeferredEvents d ? d : null;
        return (path, client) -> {
            ProvisionRequest request = ProvisionRequest.of(Protocol.TFTP, path, client);
            ProvisionResult r = deferred != null ? deferred.serve(request) : service.handle(request);
            return r.status() == 200 ? new TftpReadResult.Found(r.body(), r)
                    : new TftpReadResult.Refused(refusal(r.status(), r.reason()), r);
        };
    }

    /** WRQ → {@link ReportSink}: admitted by name before anything is buffered, stored whole. */
    static TftpUploadSink uploads(ReportSink reports) {
        return new TftpUploadSink() {
            @Override
            public UploadAdmission admit(String path, InetSocketAddress client) {
                int status = reports.admit(ProvisionRequest.of(Protocol.TFTP, path, client));
                return status == 200 ? UploadAdmission.accept()
                        : new UploadAdmission.Refused(refusal(status, "report not admitted (" + status + ")"), status);
            }

            @Override
            public Optional<TftpRefusal> store(String path, InetSocketAddress client, byte[] content) {
                int status = reports.accept(ProvisionRequest.of(Protocol.TFTP, path, client), content);
                return switch (status) {
                    case 200, 201, 204 -> Optional.empty();
                    case 413 -> Optional.of(new TftpRefusal(TftpErrorCode.DISK_FULL,
                            "Disk full or allocation exceeded", "report too large"));
                    default -> Optional.of(refusal(status, "report not stored (" + status + ")"));
                };
            }
        };
    }

    /** The generic error a client gets for a status; {@code detail} is for the event only. */
    static TftpRefusal refusal(int status, String detail) {
        return switch (status) {
            case 404 -> new TftpRefusal(TftpErrorCode.FILE_NOT_FOUND, "File not found", detail);
            case 403 -> new TftpRefusal(TftpErrorCode.ACCESS_VIOLATION, "Access violation", detail);
            case 429, 503 -> new TftpRefusal(TftpErrorCode.NOT_DEFINED, "server busy, try later", detail);
            default -> new TftpRefusal(TftpErrorCode.NOT_DEFINED, "server error", detail);
        };
    }

    /** Records each transfer's outcome (see the class comment for what is recorded where). */
    static TftpTransferListener recorder(DeferredEvents events) {
        return e -> {
            if (e.outcome() == TftpTransferEvent.Outcome.MALFORMED
                    || e.direction() == TftpTransferEvent.Direction.WRITE
                    && (e.outcome() == TftpTransferEvent.Outcome.COMPLETED
                    || e.outcome() == TftpTransferEvent.Outcome.STORE_REFUSED)) {
                return;
            }
            ProvisionResult served = e.context() instanceof ProvisionResult r ? r : null;
            String address = e.client().getAddress() == null ? e.client().getHostString()
                    : e.client().getAddress().getHostAddress();
            // The name as the service saw it: one leading slash, like HTTP paths (clients may send none).
            String file = e.path().startsWith("/") ? e.path() : "/" + e.path();
            events.record(new ProvisionEvent(e.started(),
                    served != null ? served.deviceMac() : Optional.empty(), address, Protocol.TFTP.scheme(),
                    PathGuard.printable(file), status(e, served), e.bytes(), e.duration(), reason(e, served)));
        };
    }

    private static int status(TftpTransferEvent e, ProvisionResult served) {
        return switch (e.outcome()) {
            case COMPLETED -> 200;
            case REFUSED -> served != null ? served.status()
                    : e.context() instanceof Integer status ? status
                    : e.detail().startsWith("server busy") ? 503 : 403;
            case TIMED_OUT -> 408;
            case PEER_ERROR -> 499;
            case MALFORMED, PROTOCOL_ERROR -> 400;
            case TOO_LARGE -> 413;
            case STORE_REFUSED, FAILED -> 500;
        };
    }

    private static String reason(TftpTransferEvent e, ProvisionResult served) {
        return switch (e.outcome()) {
            case COMPLETED -> served != null ? served.reason() : "served";
            case REFUSED -> served != null ? served.reason() : e.detail();
            case TIMED_OUT -> "timed out: " + e.detail();
            case PEER_ERROR -> "aborted by the client: " + e.detail();
            case MALFORMED, PROTOCOL_ERROR -> "protocol error: " + e.detail();
            case TOO_LARGE -> "too large: " + e.detail();
            case STORE_REFUSED, FAILED -> "failed: " + e.detail();
        };
    }
}
