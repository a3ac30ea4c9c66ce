package org.spaprov.cli.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.spaprov.cli.Cli;
import org.spaprov.cli.UserException;
import org.spaprov.server.admin.AdminConfig;
import org.spaprov.server.admin.AdminServer;
import org.spaprov.server.admin.AdminToken;
import org.spaprov.server.net.NetSettings;
import org.spaprov.server.net.ProvisioningServer;
import org.spaprov.server.provision.ServerCore;
import org.spaprov.server.site.ServerConfig;
import org.spaprov.server.site.SiteException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spaprov serve}: runs the provisioning server of a site until Ctrl-C. */
@Command(name = "serve",
        description = {"Serve a site's profiles and firmware over TFTP, HTTP and HTTPS until Ctrl-C.", "",
                "Ports come from the site's spaprov.yaml; the flags override them. Port 0 picks a free port,",
                "-1 turns a listener off. One 'listening <protocol> <address>:<port>' line is printed per",
                "listener once all are bound.", "",
                "--admin-port (or listen.admin) also starts the read-only admin API",
                "(/api/v1, /metrics) on the same address. Its bearer token is",
                "$SPAPROV_ADMIN_TOKEN, else the one issued at the first start: written once to",
                "DATA/admin.token (owner-only; read it, then delete it), while the server keeps only",
                "its SHA-256 (DATA/admin.token.sha256, delete it for a new token); the 'admin:' line",
                "names the file, not the token."},
        mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped with Ctrl-C", "1:the site, a TLS file, a port or the admin token cannot be used", "2:usage error"},
        footer = {"", "Examples:",
                "  spaprov site init mysite && spaprov serve --site mysite --bind 127.0.0.1 --tftp-port 0 --http-port 0 --https-port 0",
                "  spaprov serve --site /etc/spaprov/site --data /var/lib/spaprov",
                "  spaprov serve --site mysite --admin-port 9090",
                "    then: TOKEN=$(cat mysite/.data/admin.token)",
                "          curl -H \"Authorization: Bearer $TOKEN\" http://127.0.0.1:9090/api/v1/devices",
                "  spaprov serve --site mysite --store jdbc:postgresql://db/spaprov?user=spaprov"})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--site", required = true, paramLabel = "DIR", description = "The site directory (spaprov.yaml, layers/, devices.csv, pki/, firmware/).")
    Path site;

    @Option(names = "--data", paramLabel = "DIR", description = "Where the store and reports live (default: DIR/.data of the site).")
    Path data;

    @Option(names = "--store", paramLabel = "JDBC_URL", description = "The store, e.g. jdbc:postgresql://host/db (default: H2 file in the data directory).")
    String store;

    @Option(names = "--bind", paramLabel = "ADDR", description = "Address to listen on (default: from spaprov.yaml).")
    String bind;

    @Option(names = "--tftp-port", paramLabel = "P", description = "TFTP port (0 = any free, -1 = off).")
    Integer tftpPort;

    @Option(names = "--http-port", paramLabel = "P", description = "HTTP port (0 = any free, -1 = off).")
    Integer httpPort;

    @Option(names = "--https-port", paramLabel = "P", description = "HTTPS port (0 = any free, -1 = off).")
    Integer httpsPort;

    @Option(names = "--admin-port", paramLabel = "P", description = "Admin API port (0 = any free, -1 = off).")
    Integer adminPort;

    /** Completing it stops the server (tests); Ctrl-C completes it through a shutdown hook. */
    final CompletableFuture<Void> stop = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    /** Where {@link AdminToken} looks for {@value AdminToken#ENV} (tests replace it). */
    Map<String, String> env = System.getenv();
    private AdminToken adminToken;
    /** Told the running server once it listens (tests). */
    Consumer<ProvisioningServer> onStarted = s -> { };

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Integer p : new Integer[] {tftpPort, httpPort, httpsPort, adminPort}) {
            if (p != null && (p < -1 || p > 65535)) {
                throw UserException.usage("a port must be -1 (off), 0 (any free) or 1..65535, got " + p);
            }
        }
        Clock clock = Clock.systemUTC();
        ServerCore core;
        try {
            core = ServerCore.open(site, Optional.ofNullable(data), Optional.ofNullable(store), clock);
        } catch (SiteException e) {
            throw UserException.invalid(e.getMessage());
        }
        try (core) {
            ServerConfig.Listen l = core.config().listen();
            ServerConfig.Listen listen = new ServerConfig.Listen(bind != null ? bind : l.bind(),
                    tftpPort != null ? tftpPort : l.tftpPort(), httpPort != null ? httpPort : l.httpPort(),
                    httpsPort != null ? httpsPort : l.httpsPort(), adminPort != null ? adminPort : l.adminPort());
            NetSettings settings;
            try {
                settings = NetSettings.of(core.config().withListen(listen));
            } catch (IllegalArgumentException e) {
                throw UserException.invalid(site + ": " + e.getMessage());
            }
            ProvisioningServer server;
            try {
                server = ProvisioningServer.start(settings, core.provisionService(), core.reportSink(), clock);
            } catch (IOException e) {
                throw UserException.invalid(e.getMessage());
            }
            try (server; AdminServer admin = startAdmin(listen, core)) {
                core.setBoundPorts(port(server.tftpAddress()), port(server.httpAddress()), port(server.httpsAddress()));
                core.startWatching(java.time.Duration.ofSeconds(2));
                server.listeningLines().forEach(out::println);
                if (admin != null) {
                    out.println("admin: " + admin.baseUrl() + " (token " + adminToken.where() + ")");
                }
                out.flush();
                err.flush();
                Thread hook = new Thread(() -> {
                    stop.complete(null);
                    // Keep the JVM up until the listeners and the store are closed.
                    closed.join();
                }, "spaprov-serve-stop");
                Runtime.getRuntime().addShutdownHook(hook);
                onStarted.accept(server);
                stop.join();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the hook is running; closing below is all that is left to do.
                }
            }
        } finally {
            closed.complete(null);
        }
        return Cli.OK;
    }

    /**
     * The admin API on the serve bind address, once the data plane listens; null when its port is -1.
     * A port in use or an unwritable token file stops serve like a data-plane port would.
     */
    private AdminServer startAdmin(ServerConfig.Listen listen, ServerCore core) {
        if (listen.adminPort() < 0) {
            return null;
        }
        try {
            adminToken = AdminToken.resolve(env, core.dataDir(), new SecureRandom());
            return AdminServer.start(new AdminConfig(listen.bind(), listen.adminPort(), adminToken.secret()), core);
        } catch (IllegalArgumentException e) {
            // A generated token is always valid: this is about the one from the environment.
            throw UserException.invalid(e.getMessage() + " (from $" + AdminToken.ENV + ")");
        } catch (IOException e) {
            throw UserException.invalid(e.getMessage());
        }
    }

    private static int port(Optional<java.net.InetSocketAddress> a) {
        return a.map(java.net.InetSocketAddress::getPort).orElse(-1);
    }
}
