package org.spaprov.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.spaprov.server.admin.AdminConfig;
import org.spaprov.server.admin.AdminServer;
import org.spaprov.server.admin.AdminToken;
import org.spaprov.server.config.DeviceFacingHost;
import org.spaprov.server.config.ServerConfig;
import org.spaprov.server.feedback.report.ReportIngest;
import org.spaprov.server.feedback.syslog.SyslogIngest;
import org.spaprov.server.feedback.syslog.SyslogReceiver;
import org.spaprov.server.net.NetSettings;
import org.spaprov.server.net.ProvisioningServer;
import org.spaprov.server.net.StartGate;
import org.spaprov.server.provision.BoundPorts;
import org.spaprov.server.provision.ServerCore;
import org.spaprov.server.push.Campaigns;
import org.spaprov.server.site.SiteException;

/**
 * The one owner of a running server's lifecycle. {@link #start} opens the site and the store, binds every
 * transport (TFTP, HTTP, HTTPS, syslog), then builds the provisioning chain with the ports actually bound, then
 * starts the admin API and the site watcher; {@link #close()} stops them in the reverse order. No request is
 * answered before every listener is bound and the chain is built (see {@link StartGate}), so no profile
 * names a port of {@code spaprov.yaml} that was replaced by a port picked at run time. Listening on a
 * non-loopback address needs {@code listen.public-host}, the host every generated URL names.
 *
 * <pre>{@code
 * try (SpaprovServer s = SpaprovServer.start(site, Overrides.NONE.withPorts(0, 0, 0, -1), Clock.systemUTC())) {
 *     s.listeningLines().forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>Thread-safe. A failed start leaves nothing open behind it.
 */
public final class SpaprovServer implements AutoCloseable {
    private final ServerCore core;
    private final ProvisioningServer net;
    private final Optional<AdminServer> admin;
    private final Optional<AdminToken> adminToken;
    private final Optional<SyslogReceiver> syslog;
    private final Campaigns campaigns;

    /**
     * What the command line overrides in the site's {@code spaprov.yaml}; empty = as the site says.
     *
     * @param dataDir   where the store and reports live (default: {@code <site>/.data})
     * @param storeUrl  the store's JDBC URL (default: {@code store:} of the site, else H2 in the data directory)
     * @param bind      the address every listener binds
     * @param publicHost the host devices use ({@code listen.public-host}); it names the server in every
     *                  generated URL
     * @param tftpPort  TFTP port; for every port 0 picks a free one and -1 turns the listener off
     * @param httpPort  HTTP port
     * @param httpsPort HTTPS port
     * @param adminPort admin API port
     * @param syslogPort UDP syslog receiver port
     * @param env       where the admin token is looked up ({@value AdminToken#ENV})
     * @param poll      how often the site is checked for changed files
     */
    public record Overrides(Optional<Path> dataDir, Optional<String> storeUrl, Optional<String> bind,
            Optional<String> publicHost, Optional<Integer> tftpPort, Optional<Integer> httpPort, Optional<Integer> httpsPort,
            Optional<Integer> adminPort, Map<String, String> env, Duration poll, Optional<Integer> syslogPort) {
        /** Nothing overridden, no admin token in the environment, the default poll interval. */
        public static final Overrides NONE = new Overrides(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), ServerCore.DEFAULT_POLL, Optional.empty());

        public Overrides {
            Objects.requireNonNull(dataDir, "dataDir");
            Objects.requireNonNull(storeUrl, "storeUrl");
            Objects.requireNonNull(bind, "bind");
            Objects.requireNonNull(publicHost, "publicHost");
            Objects.requireNonNull(tftpPort, "tftpPort");
            Objects.requireNonNull(httpPort, "httpPort");
            Objects.requireNonNull(httpsPort, "httpsPort");
            Objects.requireNonNull(adminPort, "adminPort");
            env = Map.copyOf(env);
            Objects.requireNonNull(poll, "poll");
            Objects.requireNonNull(syslogPort, "syslogPort");
        }

        /** The syslog receiver's port (0 = any free one, -1 = off). */
        public Overrides withSyslogPort(int port) {
            return new Overrides(dataDir, storeUrl, bind, publicHost, tftpPort, httpPort, httpsPort, adminPort, env, poll,
                    Optional.of(port));
        }

        /** The syslog receiver's port, when present. */
        public Overrides withSyslogPort(Optional<Integer> port) {
            return new Overrides(dataDir, storeUrl, bind, publicHost, tftpPort, httpPort, httpsPort, adminPort, env, poll, port);
        }

        public Overrides withDataDir(Path dir) {
            return new Overrides(Optional.of(dir), storeUrl, bind, publicHost, tftpPort, httpPort, httpsPort, adminPort, env, poll, syslogPort);
        }

        public Overrides withStoreUrl(String url) {
            return new Overrides(dataDir, Optional.of(url), bind, publicHost, tftpPort, httpPort, httpsPort, adminPort, env, poll, syslogPort);
        }

        public Overrides withBind(String address) {
            return new Overrides(dataDir, storeUrl, Optional.of(address), publicHost, tftpPort, httpPort, httpsPort, adminPort, env,
                    poll, syslogPort);
        }

        /** All four ports at once. */
        public Overrides withPorts(int tftp, int http, int https, int admin) {
            return new Overrides(dataDir, storeUrl, bind, publicHost, Optional.of(tftp), Optional.of(http), Optional.of(https),
                    Optional.of(admin), env, poll, syslogPort);
        }

        /** Each port that is present. */
        public Overrides withPorts(Optional<Integer> tftp, Optional<Integer> http, Optional<Integer> https,
                Optional<Integer> admin) {
            return new Overrides(dataDir, storeUrl, bind, publicHost, tftp, http, https, admin, env, poll, syslogPort);
        }

        public Overrides withEnv(Map<String, String> environment) {
            return new Overrides(dataDir, storeUrl, bind, publicHost, tftpPort, httpPort, httpsPort, adminPort, environment, poll, syslogPort);
        }

        public Overrides withPoll(Duration interval) {
            return new Overrides(dataDir, storeUrl, bind, publicHost, tftpPort, httpPort, httpsPort, adminPort, env, interval, syslogPort);
        }

        /** Overrides {@code listen.public-host}. */
        public Overrides withPublicHost(String host) {
            return new Overrides(dataDir, storeUrl, bind, Optional.of(host), tftpPort, httpPort, httpsPort, adminPort,
                    env, poll, syslogPort);
        }

        /** The site's listen settings with these overrides; what is not overridden, the public host included, is kept. */
        ServerConfig.Listen applyTo(ServerConfig.Listen l) {
            return new ServerConfig.Listen(bind.orElse(l.bind()), tftpPort.orElse(l.tftpPort()),
                    httpPort.orElse(l.httpPort()), httpsPort.orElse(l.httpsPort()), adminPort.orElse(l.adminPort()),
                    publicHost.or(l::publicHost), syslogPort.orElse(l.syslogPort()));
        }

        /** What every loaded site's settings get: the public host (the generated URLs name it). */
        ServerConfig applyTo(ServerConfig c) {
            return publicHost.isEmpty() ? c : c.withListen(c.listen().withPublicHost(publicHost));
        }
    }

    private SpaprovServer(ServerCore core, ProvisioningServer net, Optional<SyslogReceiver> syslog,
            Optional<AdminServer> admin, Optional<AdminToken> adminToken, Campaigns campaigns) {
        this.core = core;
        this.campaigns = campaigns;
        this.net = net;
        this.syslog = syslog;
        this.admin = admin;
        this.adminToken = adminToken;
    }

    /**
     * Starts the server of the site in {@code siteDir}.
     *
     * @throws SiteException when the site, its configuration or the store cannot be used (one line naming
     *                       the file or setting)
     * @throws IOException   when a listener cannot bind, a TLS file is bad or the admin token cannot be used
     */
    public static SpaprovServer start(Path siteDir, Overrides overrides, Clock clock)
            throws SiteException, IOException {
        return start(siteDir, overrides, clock, new StartGate(), bound -> { });
    }

    /** {@link #start}, with the gate the transports bind with and a hook run once all are bound (tests). */
    static SpaprovServer start(Path siteDir, Overrides o, Clock clock, StartGate gate,
            Consumer<ProvisioningServer> afterBind)
            throws SiteException, IOException {
        ServerCore core = ServerCore.open(siteDir, o.dataDir(), o.storeUrl(), clock, o::applyTo);
        core.onReport(ReportIngest.of(core));
        ProvisioningServer net = null;
        SyslogReceiver syslog = null;
        AdminServer admin = null;
        Campaigns campaigns = new Campaigns(core);
        try {
            ServerConfig config = core.config().withListen(o.applyTo(core.config().listen()));
            String bind = config.listen().bind();
            if (!DeviceFacingHost.isLoopback(bind) && config.listen().publicHost().isEmpty()) {
                // Devices elsewhere need a name the server cannot guess from 0.0.0.0 or one of several addresses.
                throw SiteException.at("spaprov.yaml", 0, "listen.public-host: required to listen on " + bind
                        + "; set it to the name or address devices use to reach this server");
            }
            NetSettings settings;
            try {
                settings = NetSettings.of(config);
            } catch (IllegalArgumentException e) {
                throw new SiteException(core.siteDir() + ": " + e.getMessage());
            }
            net = ProvisioningServer.start(settings, gate, gate, clock, core.metrics());
            if (config.listen().syslogPort() >= 0) {
                SyslogIngest ingest = new SyslogIngest(core::site, core.store());
                syslog = SyslogReceiver.start(SyslogReceiver.Config.of(bind, config.listen().syslogPort()), clock,
                        ingest::accept);
                core.metrics().functionCounter("spaprov.syslog.received", "Syslog datagrams received.", syslog,
                        SyslogReceiver::received);
                core.metrics().functionCounter("spaprov.syslog.dropped", "Syslog lines dropped (over the rate or"
                        + " the queue).", syslog, SyslogReceiver::dropped);
            }
            afterBind.accept(net);
            gate.open(core.chain(new BoundPorts(port(net.tftpAddress()), port(net.httpAddress()),
                    port(net.httpsAddress()))), core.reportSink());
            Optional<AdminToken> token = Optional.empty();
            ServerConfig.Listen listen = config.listen();
            if (listen.adminPort() >= 0) {
                token = Optional.of(AdminToken.resolve(o.env(), core.dataDir(), new SecureRandom()));
                admin = startAdmin(listen, token.get(), core, campaigns);
            }
            core.startWatching(o.poll());
            return new SpaprovServer(core, net, Optional.ofNullable(syslog), Optional.ofNullable(admin), token, campaigns);
        } catch (SiteException | IOException | RuntimeException e) {
            gate.abort();
            closeAll(admin, campaigns, syslog, net, core);
            throw e;
        }
    }

    private static AdminServer startAdmin(ServerConfig.Listen listen, AdminToken token, ServerCore core,
            Campaigns campaigns) throws IOException {
        AdminConfig config;
        try {
            config = new AdminConfig(listen.bind(), listen.adminPort(), token.secret());
        } catch (IllegalArgumentException e) {
            // A generated token is always valid: this is about the one from the environment.
            throw new IOException(e.getMessage() + " (from $" + AdminToken.ENV + ")", e);
        }
        return AdminServer.start(config, core, campaigns);
    }

    /** The site, the store and the report sink behind the transports. */
    public ServerCore core() {
        return core;
    }

    /** The bound TFTP address, if TFTP is enabled. */
    public Optional<InetSocketAddress> tftpAddress() {
        return net.tftpAddress();
    }

    /** The bound HTTP address, if HTTP is enabled. */
    public Optional<InetSocketAddress> httpAddress() {
        return net.httpAddress();
    }

    /** The bound HTTPS address, if HTTPS is enabled. */
    public Optional<InetSocketAddress> httpsAddress() {
        return net.httpsAddress();
    }

    /** The bound syslog (UDP) address, if the syslog receiver is enabled. */
    public Optional<InetSocketAddress> syslogAddress() {
        return syslog.map(SyslogReceiver::localAddress);
    }

    /** The syslog receiver, if enabled (its counters; tests wait on {@link SyslogReceiver#awaitHandled}). */
    public Optional<SyslogReceiver> syslogReceiver() {
        return syslog;
    }

    /** The admin API, if its port is enabled. */
    public Optional<AdminServer> admin() {
        return admin;
    }

    /** Where the admin API's token is (never the token itself in any text), if the admin API runs. */
    public Optional<AdminToken> adminToken() {
        return adminToken;
    }

    /**
     * {@code listening tftp 127.0.0.1:NNNN}, then http, https and syslog, one line per enabled listener, then
     * {@code admin: <url> (token in <file>)} when the admin API runs.
     */
    public List<String> listeningLines() {
        List<String> lines = new ArrayList<>(net.listeningLines());
        syslog.ifPresent(r -> {
            String host = r.localAddress().getAddress().getHostAddress();
            lines.add("listening syslog " + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":"
                    + r.localAddress().getPort());
        });
        admin.ifPresent(a -> lines.add("admin: " + a.baseUrl() + " (token " + adminToken.orElseThrow().where() + ")"));
        return lines;
    }

    /** Push campaigns (SIP NOTIFY and HTTP push); {@code POST /api/v1/campaigns} starts them too. */
    public Campaigns campaigns() {
        return campaigns;
    }

    /** Stops the site watcher, the admin API, push, syslog and the transports, then flushes and closes the store. */
    @Override
    public void close() {
        closeAll(admin.orElse(null), campaigns, syslog.orElse(null), net, core);
    }

    private static void closeAll(AdminServer admin, Campaigns campaigns, SyslogReceiver syslog, ProvisioningServer net,
            ServerCore core) {
        core.stopWatching();
        if (admin != null) {
            admin.close();
        }
        if (campaigns != null) {
            campaigns.close();
        }
        if (syslog != null) {
            syslog.close();
        }
        if (net != null) {
            net.close();
        }
        core.close();
    }

    private static int port(Optional<InetSocketAddress> a) {
        return a.map(InetSocketAddress::getPort).orElse(-1);
    }
}
