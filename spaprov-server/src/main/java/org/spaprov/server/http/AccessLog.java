package org.spaprov.server.http;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spaprov.server.provision.PathGuard;
import org.spaprov.server.provision.Protocol;
import org.spaprov.tftp.TftpTransferEvent;

/**
 * One line per answered request on the logger {@value #LOGGER} (INFO), so that it can be routed to its own file or
 * switched off in the logging configuration, in a fixed, fail2ban-friendly shape (the time is the log line's own):
 * <pre>
 *   ADDRESS DEVICE PROTOCOL METHOD FILE STATUS BYTES MSms
 *   192.0.2.7 000e08aabbcc https GET /spa000e08aabbcc.xml 200 5120 3ms
 *   198.51.100.9 - http GET /../etc/passwd 400 16 0ms
 * </pre>
 * {@code DEVICE} is {@code -} when the request was not attributed to one, {@code METHOD} the HTTP method or
 * {@code RRQ}/{@code WRQ}, {@code FILE} the request target rendered by {@link PathGuard#printable} with spaces and
 * quotes percent-encoded (one token, whatever the client sent), {@code BYTES} the body bytes sent or received.
 * Stateless; costs nothing when the logger is off.
 */
public final class AccessLog {
    /** The logger name. */
    public static final String LOGGER = "spaprov.access";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private AccessLog() {
    }

    /** Logs one answered request. */
    public static void line(SocketAddress remote, Optional<String> device, Protocol protocol, String method,
            String file, int status, long bytes, long nanos) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        LOG.info("{} {} {} {} {} {} {} {}ms", address(remote), device.orElse("-"), protocol.scheme(),
                method == null || method.isEmpty() ? "-" : PathGuard.printable(method), token(file), status, bytes,
                TimeUnit.NANOSECONDS.toMillis(nanos));
    }

    /** Logs one finished TFTP transfer with the status its event records (see the provisioning server's wiring). */
    public static void tftp(TftpTransferEvent e, Optional<String> device, int status) {
        line(e.client(), device, Protocol.TFTP, switch (e.direction()) {
            case READ -> "RRQ";
            case WRITE -> "WRQ";
            case UNKNOWN -> "-";
        }, e.path(), status, e.bytes(), e.duration().toNanos());
    }

    static String address(SocketAddress remote) {
        if (remote instanceof InetSocketAddress a) {
            return a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        }
        return "-";
    }

    private static String token(String file) {
        if (file == null || file.isEmpty()) {
            return "-";
        }
        String p = PathGuard.printable(file);
        return p.indexOf(' ') < 0 && p.indexOf('"') < 0 ? p : p.replace(" ", "%20").replace("\"", "%22");
    }
}
