package org.spaprov.server.net;

import java.util.Objects;
import java.util.Optional;
import org.spaprov.server.config.ServerConfig;
import org.spaprov.server.http.HttpLimits;
import org.spaprov.server.http.TlsSettings;

/**
 * What {@link ProvisioningServer} listens on and how it runs service calls. Ports: 0 picks a free port, -1
 * disables the listener.
 *
 * @param bind address to bind ({@code 127.0.0.1}, {@code 0.0.0.0}, {@code ::})
 * @param tls required when {@code httpsPort >= 0}
 * @param dispatch where service calls run (see {@link Dispatch})
 * @param ioThreads HTTP/HTTPS event-loop threads; one per core measured best (bench/http: fewer context switches);
 *                  TFTP sizes its own (see {@code TftpServer})
 * @param serviceThreads threads of the service pool ({@link Dispatch#POOL})
 * @param serviceQueue bound of the service pool's queue; beyond it HTTP answers 503, TFTP an error packet
 * @param tftp TFTP limits
 */
public record NetSettings(String bind, int tftpPort, int httpPort, int httpsPort, Optional<TlsSettings> tls,
        HttpLimits limits, Dispatch dispatch, int ioThreads, int serviceThreads, int serviceQueue, ServerConfig.Tftp tftp) {

    /** Where {@link org.spaprov.server.provision.ProvisionService} calls run. */
    public enum Dispatch {
        /** On the connection's event loop: fastest, only for a service that never blocks. */
        INLINE,
        /** On a bounded pool of platform threads (the default: the service may touch the store). */
        POOL
    }

    public NetSettings {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(dispatch, "dispatch");
        Objects.requireNonNull(tftp, "tftp");
        checkPort("tftp", tftpPort);
        checkPort("http", httpPort);
        checkPort("https", httpsPort);
        if (httpsPort >= 0 && tls.isEmpty()) {
            throw new IllegalArgumentException("https port " + httpsPort + " needs TLS settings");
        }
        if (ioThreads < 1 || serviceThreads < 1 || serviceQueue < 1) {
            throw new IllegalArgumentException("io threads, service threads and queue must be >= 1, got "
                    + ioThreads + ", " + serviceThreads + " and " + serviceQueue);
        }
    }

    /** Default pool size: twice the cores, at least 4. */
    public static int defaultServiceThreads() {
        return Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    }

    /** One event loop per core. */
    public static int defaultIoThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * The settings a site's {@code spaprov.yaml} gives (HTTPS only when its port is enabled). Service calls run
     * inline when the store is the embedded H2 (in-process; the service answers from its cache and writes events
     * asynchronously), on the pool when the store is a network database, where a call may wait on a socket.
     */
    public static NetSettings of(ServerConfig c) {
        ServerConfig.Listen l = c.listen();
        boolean embedded = c.storeUrl().map(u -> u.startsWith("jdbc:h2:")).orElse(true);
        return new NetSettings(l.bind(), l.tftpPort(), l.httpPort(), l.httpsPort(),
                l.httpsPort() >= 0 ? Optional.of(TlsSettings.of(c.tls())) : Optional.empty(), limits(c.http()),
                embedded ? Dispatch.INLINE : Dispatch.POOL, defaultIoThreads(), defaultServiceThreads(), 4096,
                c.tftp());
    }

    /** The site's {@code http:} settings over the transport's defaults. */
    static HttpLimits limits(ServerConfig.Http h) {
        HttpLimits d = HttpLimits.defaults();
        return d.withHeadTimeout(h.headTimeout().orElse(d.headTimeout()))
                .withTlsHandshakeTimeout(h.tlsHandshakeTimeout().orElse(d.tlsHandshakeTimeout()))
                .withConnectionCaps(h.connectionsPerAddress().orElse(d.maxConnectionsPerAddress()),
                        h.maxConnections().orElse(d.maxConnections()));
    }

    /** Loopback, every port picked at run time, service calls on the pool (tests, demo). */
    public static NetSettings loopback(Optional<TlsSettings> tls) {
        return new NetSettings("127.0.0.1", 0, 0, tls.isPresent() ? 0 : -1, tls, HttpLimits.defaults(), Dispatch.POOL,
                defaultIoThreads(), defaultServiceThreads(), 4096, ServerConfig.Tftp.defaults());
    }

    public NetSettings withPorts(int tftp, int http, int https) {
        return new NetSettings(bind, tftp, http, https, tls, limits, dispatch, ioThreads, serviceThreads, serviceQueue, this.tftp);
    }

    public NetSettings withBind(String address) {
        return new NetSettings(address, tftpPort, httpPort, httpsPort, tls, limits, dispatch, ioThreads,
                serviceThreads, serviceQueue, tftp);
    }

    public NetSettings withDispatch(Dispatch d) {
        return new NetSettings(bind, tftpPort, httpPort, httpsPort, tls, limits, d, ioThreads, serviceThreads,
                serviceQueue, tftp);
    }

    public NetSettings withLimits(HttpLimits l) {
        return new NetSettings(bind, tftpPort, httpPort, httpsPort, tls, l, dispatch, ioThreads, serviceThreads,
                serviceQueue, tftp);
    }

    private static void checkPort(String name, int port) {
        if (port < -1 || port > 65535) {
            throw new IllegalArgumentException(name + " port must be -1 (off), 0 (any) or 1..65535, got " + port);
        }
    }
}
