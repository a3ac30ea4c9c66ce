package org.spaprov.cli.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.spaprov.cli.BaseCommand;
import org.spaprov.cli.Cli;
import org.spaprov.cli.UserException;
import org.spaprov.server.SpaprovServer;
import org.spaprov.server.admin.AdminToken;
import org.spaprov.server.site.SiteException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spaprov serve}: runs the provisioning server of a site until Ctrl-C. */
@Command(name = "serve",
        description = {"Serve a site's profiles and firmware over TFTP, HTTP and HTTPS until Ctrl-C.", "",
                "Ports come from the site's spaprov.yaml; the flags override them. Port 0 picks a free port, -1 "
                        + "turns a listener off. One 'listening <protocol> <address>:<port>' line is printed per "
                        + "listener once all are bound.", "",
                "--admin-port (or listen.admin) also starts the admin API (/api/v1, /metrics; see 'spaprov device' "
                        + "and 'spaprov events') on the same address. Its full-scope bearer token is $SPAPROV_ADMIN_TOKEN, else the one issued at the first "
                        + "start: written once to DATA/admin.token (owner-only; read it, then delete it), while the "
                        + "server keeps only its SHA-256 (DATA/admin.token.sha256, delete it for a new token); the "
                        + "'admin:' line names the file, not the token.", "",
                "--syslog-port (or listen.syslog) also receives the devices' syslog (UDP, RFC 3164 and 5424; point "
                        + "their Syslog_Server here): their resync and upgrade lines become each device's status in "
                        + "the admin API, other lines are kept as its device log.", "",
                "Tokens with fewer scopes: 'spaprov admin token create'."},
        mixinStandardHelpOptions = true,
        exitCodeList = {"0:stopped with Ctrl-C or SIGTERM (the store flushed first)", "1:the site, a TLS file, a port or the admin token cannot be used", "2:usage error"},
        footer = {"  spaprov site init mysite && spaprov serve --site mysite --bind 127.0.0.1 \\",
                "      --tftp-port 0 --http-port 0 --https-port 0",
                "  spaprov serve --site /etc/spaprov/site --data /var/lib/spaprov",
                "  spaprov serve --site mysite --bind 0.0.0.0 --public-host prov.example.net",
                "  spaprov serve --site mysite --admin-port 9090 --syslog-port 5514",
                "    then: TOKEN=$(cat mysite/.data/admin.token)",
                "          curl -H \"Authorization: Bearer $TOKEN\" http://127.0.0.1:9090/api/v1/devices",
                "  spaprov serve --site mysite --store jdbc:postgresql://db/spaprov?user=spaprov"})
public final class ServeCommand extends BaseCommand {
    @Option(names = "--site", required = true, paramLabel = "DIR", description = "The site directory (spaprov.yaml, layers/, devices.csv, pki/, firmware/).")
    Path site;

    @Option(names = "--data", paramLabel = "DIR", description = "Where the store and reports live (default: DIR/.data of the site).")
    Path data;

    @Option(names = "--store", paramLabel = "JDBC_URL", description = "The store, e.g. jdbc:postgresql://host/db (default: H2 file in the data directory).")
    String store;

    @Option(names = "--bind", paramLabel = "ADDR", description = {"Address to listen on (default: from spaprov.yaml).",
            "A non-loopback address needs a public host: --public-host or listen.public-host in spaprov.yaml."})
    String bind;

    @Option(names = "--public-host", paramLabel = "NAME", description = {"The name or address devices use to reach "
            + "this server; overrides listen.public-host. Every URL the server hands out (Profile_Rule, "
            + "Upgrade_Rule, ...) names it, and HTTPS devices check it against the server certificate (spaprov site "
            + "init --host)."})
    String publicHost;

    @Option(names = "--tftp-port", paramLabel = "P", description = "TFTP port (0 = any free, -1 = off).")
    Integer tftpPort;

    @Option(names = "--http-port", paramLabel = "P", description = "HTTP port (0 = any free, -1 = off).")
    Integer httpPort;

    @Option(names = "--https-port", paramLabel = "P", description = "HTTPS port (0 = any free, -1 = off).")
    Integer httpsPort;

    @Option(names = "--admin-port", paramLabel = "P", description = "Admin API port (0 = any free, -1 = off).")
    Integer adminPort;

    @Option(names = "--syslog-port", paramLabel = "P", description = "Syslog (UDP) port (0 = any free, -1 = off).")
    Integer syslogPort;

    /** Completing it stops the server (tests); Ctrl-C completes it through a shutdown hook. */
    final CompletableFuture<Void> stop = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    /** Where {@link AdminToken} looks for {@value AdminToken#ENV} (tests replace it). */
    Map<String, String> env = System.getenv();
    /** Told the running server once it listens (tests). */
    Consumer<SpaprovServer> onStarted = s -> { };

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        for (Integer p : new Integer[] {tftpPort, httpPort, httpsPort, adminPort, syslogPort}) {
            if (p != null && (p < -1 || p > 65535)) {
                throw UserException.usage("a port must be -1 (off), 0 (any free) or 1..65535, got " + p);
            }
        }
        org.spaprov.server.runtime.FatalErrors.install();  // an OutOfMemoryError anywhere ends the process (exit 70)
        SpaprovServer.Overrides o = SpaprovServer.Overrides.NONE.withEnv(env).withPorts(Optional.ofNullable(tftpPort),
                Optional.ofNullable(httpPort), Optional.ofNullable(httpsPort), Optional.ofNullable(adminPort));
        o = o.withSyslogPort(Optional.ofNullable(syslogPort));
        o = data == null ? o : o.withDataDir(data);
        o = store == null ? o : o.withStoreUrl(store);
        o = bind == null ? o : o.withBind(bind);
        if (publicHost != null) {
            if (!org.spaprov.server.site.ServerConfigReader.isPublicHost(publicHost)) {
                throw UserException.usage("--public-host must be a host name or address (prov.example.net, "
                        + "192.0.2.10), without scheme, port or path, got '"
                        + org.spaprov.profile.Printable.of(publicHost) + "'");
            }
            o = o.withPublicHost(publicHost);
        }
        SpaprovServer server;
        try {
            server = SpaprovServer.start(site, o, Clock.systemUTC());
        } catch (SiteException | IOException e) {
            throw UserException.invalid(e.getMessage());
        }
        try (server) {
            server.listeningLines().forEach(out::println);
            out.flush();
            err.flush();
            Thread hook = new Thread(() -> {
                stop.complete(null);
                // Keep the JVM up until the listeners and the store are closed, then end as --help says:
                // stopping by Ctrl-C or SIGTERM is a success (the JVM would exit 130 or 143).
                closed.join();
                out.flush();
                Runtime.getRuntime().halt(Cli.OK);
            }, "spaprov-serve-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            onStarted.accept(server);
            stop.join();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running; closing below is all that is left to do.
            }
        } finally {
            closed.complete(null);
        }
        return Cli.OK;
    }
}
