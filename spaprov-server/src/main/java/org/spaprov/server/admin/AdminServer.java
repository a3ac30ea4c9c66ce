package org.spaprov.server.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spaprov.server.feedback.drift.DriftService;
import org.spaprov.server.provision.ServerCore;
import org.spaprov.server.push.Campaigns;

/**
 * The control plane: a small REST API ({@code /api/v1}) and {@code /metrics} over a
 * {@link ServerCore}'s store, on Javalin (Jetty), with every route but health and the OpenAPI document behind a bearer token and its scope.
 * The routes are listed in {@link ApiRoutes}.
 *
 * <pre>{@code
 * AdminToken token = AdminToken.resolve(System.getenv(), core.dataDir(), new SecureRandom());
 * try (AdminServer admin = AdminServer.start(new AdminConfig("127.0.0.1", 0, token.secret()), core)) {
 *     System.out.println("admin: " + admin.baseUrl());
 * }
 * }</pre>
 *
 * <p>Thread-safe. Jetty runs on its own small pool of daemon threads named {@code spaprov-admin-*},
 * which {@link #close()} stops. A failure to bind is thrown, not logged; the token is never logged.
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    private static final int MAX_THREADS = 16;

    private final Javalin app;
    private final InetSocketAddress address;

    private final List<Route> routes;

    private AdminServer(Javalin app, InetSocketAddress address, List<Route> routes) {
        this.app = app;
        this.address = address;
        this.routes = routes;
    }

    /**
     * Binds {@code config.bind():config.port()} and serves until {@link #close()}.
     *
     * @throws IOException when the address cannot be bound (the message names it)
     */
    public static AdminServer start(AdminConfig config, ServerCore core) throws IOException {
        return start(config, core, null);
    }

    /** As {@link #start(AdminConfig, ServerCore)}, with the push campaigns ({@code null}: no push routes). */
    public static AdminServer start(AdminConfig config, ServerCore core, Campaigns campaigns) throws IOException {
        InetAddress host = InetAddress.getByName(config.bind());
        AdminTokens tokens = new AdminTokens(core.dataDir());
        tokens.problems().forEach(p -> LOG.warn("admin: {} (line skipped)", p));
        BearerAuth auth = new BearerAuth(config.token(), Optional.of(tokens));
        DriftService drifts = new DriftService(core);
        DeviceApi devices = new DeviceApi(core.store(),
                new org.spaprov.server.feedback.status.StatusService(core::site, core.clock(), drifts::latest));
        DeviceWriteApi writes = new DeviceWriteApi(core);
        List<Route> routes = new CopyOnWriteArrayList<>();
        MetricsApi metrics = new MetricsApi(core);
        DriftApi drift = new DriftApi(drifts);
        CampaignApi pushes = new CampaignApi(campaigns, core.store());
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 2);
        pool.setName("spaprov-admin");
        pool.setDaemon(true);
        Javalin app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.jetty.host = host.getHostAddress();
            c.jetty.port = config.port();
            c.jetty.threadPool = pool;
            c.jetty.modifyHttpConfiguration(h -> h.setSendServerVersion(false));
            // Device imports are the large bodies: ~100,000 devices.csv lines.
            c.http.maxRequestSize = 16L * 1024 * 1024;
            c.events.handlerAdded(h -> {
                if (h.getHttpMethod().isHttpMethod()) {
                    routes.add(new Route(h.getHttpMethod().name(), h.getPath(),
                    h.getRoles().stream().filter(Access.class::isInstance).map(Access.class::cast)
                            .collect(Collectors.toUnmodifiableSet())));
                }
            });
            c.jsonMapper(new JavalinJackson(new ObjectMapper(), false));
            // Logged as ours, so the CLI can silence Javalin's logger (its start failure duplicates ours).
            c.router.javaLangErrorHandler((res, error) -> {
                LOG.error("admin: request failed: {}", error.toString());
                res.setStatus(500);
            });
            ApiRoutes.declare(c.routes, auth, devices, writes, metrics, drift, pushes);
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            app.stop();
            throw new IOException("admin: cannot listen on " + hostPort(host, config.port()) + ": "
                    + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
        }
        return new AdminServer(app, new InetSocketAddress(host, app.port()), List.copyOf(routes));
    }

    /**
     * A declared route.
     *
     * @param method {@code GET}, {@code POST}, ...
     * @param path   as declared ({@code /api/v1/devices/{mac}})
     * @param access its roles
     */
    record Route(String method, String path, Set<Access> access) {
    }

    /** Every route declared in {@link ApiRoutes}, as Javalin registered it. */
    List<Route> routes() {
        return routes;
    }

    /** The bound address (the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return address;
    }

    /** {@code http://host:port/api/v1}. */
    public String baseUrl() {
        return "http://" + hostPort(address.getAddress(), address.getPort()) + ApiRoutes.BASE;
    }

    /** Stops listening and stops Jetty's threads. */
    @Override
    public void close() {
        app.stop();
    }

    private static String hostPort(InetAddress a, int port) {
        String host = a.getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
