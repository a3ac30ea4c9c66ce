package org.spaprov.device.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spaprov.device.DeviceControl;
import org.spaprov.device.report.ConfigReport;
import org.spaprov.device.sip.DigestAuth;

/**
 * The device's admin web endpoints (SPEC §13.1, §15.19) on the JDK HTTP server, one virtual thread
 * per request:
 * <table>
 *   <caption>endpoints (GET or HEAD, except the line ones: POST)</caption>
 *   <tr><td>{@code /admin/resync}</td><td>resync with the configured rules (PRVST -1)</td></tr>
 *   <tr><td>{@code /admin/resync?[[scheme://]server[:port]]/path}</td><td>resync from that URL</td></tr>
 *   <tr><td>{@code /admin/upgrade?url} (also {@code /upgrade?url})</td><td>upgrade from that URL</td></tr>
 *   <tr><td>{@code /admin/reboot}</td><td>reboot (when the lines are idle)</td></tr>
 *   <tr><td>{@code /admin/spacfg.xml}</td><td>running configuration, {@code group} attributes, no secrets</td></tr>
 *   <tr><td>{@code POST /admin/line/N/busy}, {@code POST /admin/line/N/idle}</td><td>line N (1 or 2) off hook
 *       (a call) or on hook: not on a real SPA, it stands in for the phone so the busy-line deferral of
 *       resyncs, reboots and upgrades (Forced_Resync_Delay) can be driven from outside</td></tr>
 * </table>
 * URL arguments may be raw or %-encoded; a missing server is replaced by the requesting host.
 * Gating ({@code Provision_Enable}, {@code Upgrade_Enable}) is the device's business: these calls
 * only ask. When {@code Admin_Passwd} is non-empty every endpoint needs user {@code admin} with that
 * password, by HTTP Digest (RFC 2617, MD5) or Basic; a 401 offers both.
 *
 * <p>Answers are short {@code text/plain} lines, except the XML. Binds to loopback unless told
 * otherwise. Thread-safe; {@link #stop()} ends it.
 */
public final class AdminWebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdminWebServer.class);
    /** The user name the admin password belongs to. */
    public static final String ADMIN_USER = "admin";
    private static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);
    private static final Pattern LINE = Pattern.compile("/admin/line/(\\d{1,2})/(busy|idle)");
    private static final int LINES = 2;

    private final DeviceControl device;
    private final ConfigReport report;
    private final DigestAuth digest;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private AdminWebServer(DeviceControl device, InetAddress bind, int port, ConfigReport report, Clock clock)
            throws IOException {
        this.device = device;
        this.report = report;
        this.digest = new DigestAuth("spa-" + device.mac(), clock, NONCE_LIFETIME);
        this.server = HttpServer.create(new InetSocketAddress(bind, port), 64);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts on 127.0.0.1:{@code port} (0 = any free port), without group attributes. */
    public static AdminWebServer start(DeviceControl device, int port) throws IOException {
        return start(device, InetAddress.getLoopbackAddress(), port, ConfigReport.PLAIN, Clock.systemUTC());
    }

    /**
     * Starts on {@code bind}:{@code port} (0 = any free port).
     *
     * @param report how {@code /admin/spacfg.xml} is written ({@code ConfigReport.of(catalog)})
     * @param clock times digest nonces
     * @throws IOException when the port cannot be bound
     */
    public static AdminWebServer start(DeviceControl device, InetAddress bind, int port, ConfigReport report,
            Clock clock) throws IOException {
        return new AdminWebServer(device, bind, port, report, clock);
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Stops accepting and lets the exchanges in progress answer (at most about a second): the request that
     * made the device finish, {@code /admin/resync?…} in {@code emulate --until resync}, still gets its 200.
     * Idempotent.
     */
    public void stop() {
        server.stop(1);
        executor.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }

    // ----------------------------------------------------------------------------- handling

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getRawPath();
            String host = ex.getRemoteAddress().getAddress().getHostAddress();
            Matcher line = LINE.matcher(path);
            boolean lineCall = line.matches();
            if (lineCall ? !method.equals("POST") : !method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().add("Allow", lineCall ? "POST" : "GET, HEAD");
                reply(ex, 405, "method not allowed\n");
                return;
            }
            if (!authorised(ex)) {
                LOG.info("admin {} from {}: 401", path, host);
                return;
            }
            String query = ex.getRequestURI().getRawQuery();
            int status = switch (path) {
                case "/admin/resync" -> {
                    Optional<String> url = UrlArgument.complete(query, host);
                    device.resyncNow(url, host);
                    yield reply(ex, 200, "resync requested" + url.map(u -> " " + u).orElse("") + "\n");
                }
                case "/admin/upgrade", "/upgrade" -> {
                    Optional<String> url = UrlArgument.complete(query, host);
                    if (url.isEmpty()) {
                        yield reply(ex, 400, "upgrade needs a URL: /admin/upgrade?[scheme://][server[:port]]/path\n");
                    }
                    device.upgradeNow(url.get(), host);
                    yield reply(ex, 200, "upgrade requested " + url.get() + "\n");
                }
                case "/admin/reboot" -> {
                    device.reboot(false);
                    yield reply(ex, 200, "reboot requested\n");
                }
                case "/admin/spacfg.xml" -> {
                    String xml = report.xml(device.runningConfig());
                    ex.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
                    yield send(ex, 200, xml.getBytes(StandardCharsets.UTF_8));
                }
                default -> lineCall ? line(ex, Integer.parseInt(line.group(1)), line.group(2).equals("busy"))
                        : reply(ex, 404, "not found\n");
            };
            LOG.info("admin {} from {}: {}", path, host, status);
        } catch (RuntimeException e) {
            LOG.warn("admin request failed: {}", e.toString());
            throw e;
        }
    }

    private int line(HttpExchange ex, int n, boolean busy) throws IOException {
        if (n < 1 || n > LINES) {
            return reply(ex, 404, "no line " + n + " (lines are 1.." + LINES + ")\n");
        }
        device.setLineBusy(n, busy);
        return reply(ex, 200, "line " + n + (busy ? " busy" : " idle") + "\n");
    }

    /** True when no password is set or the request carries valid credentials; else sends 401. */
    private boolean authorised(HttpExchange ex) throws IOException {
        String password = device.param("Admin_Passwd");
        if (password == null || password.isEmpty()) {
            return true;
        }
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        boolean stale = false;
        if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (basicOk(auth.substring(6).strip(), password)) {
                return true;
            }
        } else if (auth != null) {
            switch (digest.verify(auth, ex.getRequestMethod(), ex.getRequestURI().toString(), ADMIN_USER, password)) {
                case OK -> {
                    return true;
                }
                case STALE -> stale = true;
                case MISSING, WRONG -> { }
            }
        }
        ex.getResponseHeaders().put("WWW-Authenticate",
                List.of(digest.challenge(stale), "Basic realm=\"" + digest.realm() + "\""));
        reply(ex, 401, "authorisation required\n");
        return false;
    }

    private static boolean basicOk(String b64, String password) {
        byte[] got;
        try {
            got = Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] want = (ADMIN_USER + ":" + password).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(got, want);
    }

    private static int reply(HttpExchange ex, int status, String text) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        return send(ex, status, text.getBytes(StandardCharsets.UTF_8));
    }

    private static int send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(status, -1);
            return status;
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
        return status;
    }
}
