package org.spaprov.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.spaprov.tftp.TftpServerConfig;

/**
 * The server's settings, read from the site's {@code spaprov.yaml} by
 * {@link org.spaprov.server.site.ServerConfigReader} (defaults for every missing key) and validated there; CLI flags override with the {@code with*}
 * copies. Paths are absolute (relative ones in the file are resolved against the site directory,
 * the report folder against the data directory). Immutable.
 *
 * @param listen          where the data plane listens
 * @param tls             HTTPS files and client-certificate policy
 * @param storeUrl        JDBC URL of the store; empty = H2 file in the data directory
 * @param unknownDevices  what to do with a device that is in neither the site nor the store
 * @param throttle        MAC-enumeration throttle per source address
 * @param reportFolder    where uploaded reports are written
 * @param naming          the file names devices ask for
 * @param gzip            gzip profiles before (optional) encryption
 * @param firmware        target firmware version per model ({@code spa2102 → 5.2.12}); a model
 *                        listed here gets a generated {@code Upgrade_Rule} layer
 * @param firmwareUrl     base URL of firmware in that rule ({@code $SERV} etc. pass through to the
 *                        device); empty = derived from the bound HTTP (else TFTP) port
 * @param tftp            TFTP server limits
 * @param security        who may receive secret parameters
 * @param events          how long and how many events the store keeps, and how many reports per device
 * @param http            HTTP/HTTPS deadlines and connection caps
 * @param push            how the server makes devices act (SIP NOTIFY, HTTP push, campaign pacing)
 */
public record ServerConfig(Listen listen, Tls tls, Optional<String> storeUrl, UnknownDevicePolicy unknownDevices,
        Throttle throttle, Path reportFolder, Naming naming, boolean gzip, Map<String, String> firmware,
        Optional<String> firmwareUrl, Tftp tftp, Security security, Events events, Http http,
        Push push) {

    public ServerConfig {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(tls, "tls");
        storeUrl = storeUrl == null ? Optional.empty() : storeUrl;
        Objects.requireNonNull(unknownDevices, "unknownDevices");
        Objects.requireNonNull(throttle, "throttle");
        Objects.requireNonNull(reportFolder, "reportFolder");
        Objects.requireNonNull(naming, "naming");
        firmware = Map.copyOf(firmware);
        firmwareUrl = firmwareUrl == null ? Optional.empty() : firmwareUrl;
        Objects.requireNonNull(tftp, "tftp");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(push, "push");
    }

    /**
     * Listen addresses and ports; port 0 picks a free port, -1 disables the listener.
     * Defaults: bind {@code 0.0.0.0}, TFTP 69, HTTP 80, HTTPS 443, admin -1 (off), no public host, syslog -1 (off).
     *
     * @param publicHost the name or address devices use to reach this server ({@code listen.public-host}):
     *                   every URL the server generates names it; required to listen on a non-loopback address
     * @param syslogPort the UDP syslog receiver's port ({@code listen.syslog}; devices' {@code Syslog_Server})
     */
    public record Listen(String bind, int tftpPort, int httpPort, int httpsPort, int adminPort,
            Optional<String> publicHost, int syslogPort) {
        public Listen {
            Objects.requireNonNull(bind, "bind");
            publicHost = publicHost == null ? Optional.empty() : publicHost;
        }

        /** No syslog receiver. */
        public Listen(String bind, int tftpPort, int httpPort, int httpsPort, int adminPort,
                Optional<String> publicHost) {
            this(bind, tftpPort, httpPort, httpsPort, adminPort, publicHost, -1);
        }

        /** This listen with another public host ({@code serve --public-host}); the syslog port is kept. */
        public Listen withPublicHost(Optional<String> host) {
            return new Listen(bind, tftpPort, httpPort, httpsPort, adminPort, host, syslogPort);
        }

        /** No public host: the URLs name the bind address (see {@link DeviceFacingHost}). */
        public Listen(String bind, int tftpPort, int httpPort, int httpsPort, int adminPort) {
            this(bind, tftpPort, httpPort, httpsPort, adminPort, Optional.empty());
        }

        public static Listen defaults() {
            return new Listen("0.0.0.0", 69, 80, 443, -1);
        }
    }

    /** Whether HTTPS asks for client certificates. */
    public enum ClientCertMode {
        /** Do not ask. */
        NONE,
        /** Ask; a device without one is identified by the MAC in the file name. */
        OPTIONAL,
        /** Refuse the handshake without a certificate signed by {@link Tls#clientCa()}. */
        REQUIRED
    }

    /**
     * HTTPS files. Defaults: {@code pki/server.crt}, {@code pki/server.key}, {@code pki/ca.crt} in the
     * site, client certificates {@code optional}. The files need to exist only when HTTPS is enabled.
     */
    public record Tls(Path serverCert, Path serverKey, Path clientCa, ClientCertMode clientCerts) {
        public Tls {
            Objects.requireNonNull(serverCert, "serverCert");
            Objects.requireNonNull(serverKey, "serverKey");
            Objects.requireNonNull(clientCa, "clientCa");
            Objects.requireNonNull(clientCerts, "clientCerts");
        }
    }

    /** What happens to a device that is in neither {@code devices.csv} nor the store. */
    public enum UnknownDevicePolicy {
        /** 404 for its per-device profile (the default). */
        DENY,
        /** It gets the bootstrap profile in place of a per-device one. */
        BOOTSTRAP_ONLY,
        /** It is added to the store with the model from its User-Agent and served. */
        AUTO_ADD;

        /** The spelling in {@code spaprov.yaml}: {@code deny}, {@code bootstrap-only}, {@code auto-add}. */
        public String yaml() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * More than {@code limit} different unknown MAC names asked for from one address within
     * {@code window} throttles that address (HTTP 429 / TFTP error) until the window has passed.
     * Defaults: 20 names in 60 s.
     */
    public record Throttle(Duration window, int limit) {
        public Throttle {
            Objects.requireNonNull(window, "window");
        }
    }

    /**
     * File-name patterns, matched against the path without its leading {@code /}. A pattern without
     * {@code /} matches the last path segment; {@code $MA} (12 hex digits), {@code $PSN}, {@code $PN},
     * {@code $SN} capture, {@code *} matches any run within a segment, {@code ?mac=$MA} matches a query.
     *
     * @param profiles  per-device profile names (must contain {@code $MA}), served encoded: gzip when
     *                  the site says so, encrypted when the device has a key
     * @param plain     per-device profile names served as plain XML; for a device with a key only over
     *                  HTTPS (that is how its key reaches it, SPEC §3.4)
     * @param bootstrap generic names answered with {@code layers/bootstrap.xml}
     */
    public record Naming(List<String> profiles, List<String> plain, List<String> bootstrap) {
        public Naming {
            profiles = List.copyOf(profiles);
            plain = List.copyOf(plain);
            bootstrap = List.copyOf(bootstrap);
        }

        public static Naming defaults() {
            return new Naming(List.of("spa$MA.cfg", "$MA.cfg", "*?mac=$MA"), List.of("spa$MA.xml", "$MA.xml"),
                    List.of("spa$PSN.cfg", "spa$PSN.xml"));
        }
    }

    /**
     * TFTP server limits ({@code tftp:}): at most {@code maxTransfers} at once, largest {@code blksize} granted,
     * retransmission {@code timeout} (doubled per retry) and {@code retries}; and what anonymous peers can make it
     * hold ({@link org.spaprov.tftp.TftpServerConfig.PeerLimits}): transfers and stalled transfers per source
     * address, the largest upload and the bytes of all uploads at once, the largest client {@code timeout} option
     * honoured. Defaults: 1024, 65464, 1 s, 5; 256 and 32 per address, 1 MiB, 16 MiB, 5 s.
     */
    public record Tftp(int maxTransfers, int maxBlockSize, Duration timeout, int retries, int transfersPerAddress,
            int stalledPerAddress, long maxUpload, long uploadsTotal, Duration maxClientTimeout) {
        public Tftp {
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(maxClientTimeout, "maxClientTimeout");
        }

        public static Tftp defaults() {
            TftpServerConfig d = TftpServerConfig.loopback();
            TftpServerConfig.PeerLimits p = d.peers();
            return new Tftp(1024, 65464, Duration.ofSeconds(1), 5, p.transfersPerAddress(), p.stalledPerAddress(),
                    d.maxUploadSize(), p.uploadBytesTotal(), p.maxClientTimeout());
        }

        /** The per-address part, for the TFTP server (the refusal rate keeps its default). */
        public TftpServerConfig.PeerLimits peerLimits() {
            return TftpServerConfig.PeerLimits.defaults().withTransfersPerAddress(transfersPerAddress)
                    .withStalledPerAddress(stalledPerAddress).withUploadBytesTotal(uploadsTotal)
                    .withMaxClientTimeout(maxClientTimeout);
        }
    }

    /**
     * HTTP and HTTPS limits ({@code http:}): the deadline for a whole request head and for a TLS handshake, new
     * connections per source address, and in total. Each is empty when the site leaves it to the transport's
     * default ({@code org.spaprov.server.http.HttpLimits}: 10 s, 10 s, 256, ¾ of the descriptor limit).
     */
    public record Http(Optional<Duration> headTimeout, Optional<Duration> tlsHandshakeTimeout,
            OptionalInt connectionsPerAddress, OptionalInt maxConnections) {
        public Http {
            Objects.requireNonNull(headTimeout, "headTimeout");
            Objects.requireNonNull(tlsHandshakeTimeout, "tlsHandshakeTimeout");
            Objects.requireNonNull(connectionsPerAddress, "connectionsPerAddress");
            Objects.requireNonNull(maxConnections, "maxConnections");
        }

        public static Http defaults() {
            return new Http(Optional.empty(), Optional.empty(), OptionalInt.empty(), OptionalInt.empty());
        }
    }

    /**
     * Whether secret parameters (the catalog's flag) may go to a request that is not authenticated
     * for the device (neither its verified client certificate nor an answer encrypted with its key).
     */
    public enum PlainSecrets {
        /** Leave every secret out of such an answer (the default). */
        DENY,
        /** Send them anyway: the guide's plain-TFTP practice, for legacy fleets; warned about at start. */
        ALLOW
    }

    /** Security policy. Default: {@code plain-secrets: deny}. */
    public record Security(PlainSecrets plainSecrets) {
        public Security {
            Objects.requireNonNull(plainSecrets, "plainSecrets");
        }

        public static Security defaults() {
            return new Security(PlainSecrets.DENY);
        }
    }

    /**
     * Event retention ({@code store.events}): events older than {@code keep} are deleted, and beyond
     * {@code maxRows} the oldest. Defaults: 30 days, 1,000,000 rows.
     */
    public record Events(Duration keep, long maxRows, int reportsKeep) {
        /** Configuration reports kept per device unless {@code store.reports.keep} says otherwise. */
        public static final int DEFAULT_REPORTS_KEEP = 10;

        public Events {
            Objects.requireNonNull(keep, "keep");
        }

        /** Events kept so; the default number of reports per device. */
        public Events(Duration keep, long maxRows) {
            this(keep, maxRows, DEFAULT_REPORTS_KEEP);
        }

        public static Events defaults() {
            return new Events(Duration.ofDays(30), 1_000_000);
        }
    }

    /**
     * Push settings ({@code push:}): NOTIFYs go to {@code sipProxy} when set, else to the device's last
     * contact address and its {@code SIP_Port_1_}; HTTP push ({@code /admin/resync}, {@code /admin/reboot} on
     * the device's web port {@code httpPort}) only when {@code http} is true; campaigns send at most
     * {@code rate} pushes per second and wait {@code timeout} for an answer.
     * Defaults: no proxy, HTTP push off on port 80, 50/s, 4 s.
     */
    public record Push(Optional<String> sipProxy, boolean http, int httpPort, int rate, Duration timeout) {
        public Push {
            sipProxy = sipProxy == null ? Optional.empty() : sipProxy;
            Objects.requireNonNull(timeout, "timeout");
            if (rate < 1) {
                throw new IllegalArgumentException("push rate must be at least 1 per second");
            }
        }

        public static Push defaults() {
            return new Push(Optional.empty(), false, 80, 50, Duration.ofSeconds(4));
        }
    }

    /** This config with another {@link Listen} (CLI overrides). */
    public ServerConfig withListen(Listen l) {
        return new ServerConfig(l, tls, storeUrl, unknownDevices, throttle, reportFolder, naming, gzip, firmware,
                firmwareUrl, tftp, security, events, http, push);
    }

    /** This config with another store URL (CLI {@code --store}). */
    public ServerConfig withStoreUrl(Optional<String> url) {
        return new ServerConfig(listen, tls, url, unknownDevices, throttle, reportFolder, naming, gzip, firmware,
                firmwareUrl, tftp, security, events, http, push);
    }
}
