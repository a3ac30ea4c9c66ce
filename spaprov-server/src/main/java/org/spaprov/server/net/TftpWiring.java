package org.spaprov.server.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.spaprov.server.config.ServerConfig;
import org.spaprov.server.provision.Protocol;
import org.spaprov.server.provision.ProvisionRequest;
import org.spaprov.server.provision.ProvisionResult;
import org.spaprov.server.provision.ProvisionService;
import org.spaprov.server.provision.ReportSink;
import org.spaprov.tftp.TftpErrorCode;
import org.spaprov.tftp.TftpFileSource;
import org.spaprov.tftp.TftpReadResult;
import org.spaprov.tftp.TftpRefusal;
import org.spaprov.tftp.TftpServer;
import org.spaprov.tftp.TftpServerConfig;
import org.spaprov.tftp.TftpUploadSink;

/**
 * Wires spaprov-tftp's {@link TftpServer} to the provisioning seams: RRQ → {@link ProvisionService} (status 200 →
 * the bytes; 404 → ERROR 1; 403 → ERROR 2; anything else → ERROR 0 with the result's reason), WRQ →
 * {@link ReportSink} (200 → final ACK; 403 → ERROR 2; 413 → ERROR 3; else ERROR 0). The TFTP server already
 * confines paths (no {@code ..}, no absolute Windows paths, bounded length) and calls both on virtual threads,
 * except RRQs with {@link NetSettings.Dispatch#INLINE}, which run on the event loop that received them.
 */
final class TftpWiring {
    private TftpWiring() {
    }

    /** Starts the server; returns it so the owner can close it. */
    static TftpServer start(NetSettings s, ProvisionService service, ReportSink reports, java.time.Clock clock)
            throws IOException {
        ServerConfig.Tftp t = s.tftp();
        InetSocketAddress bind = new InetSocketAddress(InetAddress.getByName(s.bind()), s.tftpPort());
        TftpServerConfig config = TftpServerConfig.defaults(bind)
                .withMaxTransfers(t.maxTransfers())
                .withMaxBlockSize(t.maxBlockSize())
                .withRetransmit(t.timeout(), t.timeout().multipliedBy(8), t.retries())
                // ioThreads stays 0: TFTP's own default (fewer loops than HTTP, see TftpServer).
                // The same rule as HTTP: inline when the service never blocks (embedded store).
                .withInlineSource(s.dispatch() == NetSettings.Dispatch.INLINE);
        try {
            return TftpServer.start(config, files(service), uploads(reports), org.spaprov.tftp.TftpTransferListener.NONE,
                    clock);
        } catch (IllegalArgumentException e) {
            throw new IOException("tftp: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IOException("cannot listen for tftp on " + s.bind() + ":" + s.tftpPort() + ": " + e.getMessage(),
                    e);
        }
    }

    /** RRQ → {@link ProvisionService}. */
    static TftpFileSource files(ProvisionService service) {
        return (path, client) -> {
            ProvisionResult r = service.handle(ProvisionRequest.of(Protocol.TFTP, path, client));
            return switch (r.status()) {
                case 200 -> TftpReadResult.found(r.body());
                case 404 -> TftpReadResult.notFound();
                case 403 -> TftpReadResult.refused(TftpErrorCode.ACCESS_VIOLATION, "Access violation");
                default -> TftpReadResult.refused(TftpErrorCode.NOT_DEFINED, shortReason(r));
            };
        };
    }

    /** WRQ → {@link ReportSink}. */
    static TftpUploadSink uploads(ReportSink reports) {
        return (path, client, content) -> {
            int status = reports.accept(ProvisionRequest.of(Protocol.TFTP, path, client), content);
            return switch (status) {
                case 200, 201, 204 -> Optional.empty();
                case 403 -> Optional.of(TftpRefusal.accessViolation("Access violation"));
                case 413 -> Optional.of(new TftpRefusal(TftpErrorCode.DISK_FULL, "report too large"));
                default -> Optional.of(TftpRefusal.notDefined("report not stored"));
            };
        };
    }

    private static String shortReason(ProvisionResult r) {
        String reason = r.reason().isEmpty() ? "error " + r.status() : r.reason();
        // One line, bounded: it goes into a single UDP error packet.
        reason = reason.replace('\n', ' ').replace('\r', ' ');
        return reason.length() > 100 ? reason.substring(0, 100) : reason;
    }
}
