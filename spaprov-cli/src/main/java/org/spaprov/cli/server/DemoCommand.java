package org.spaprov.cli.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.spaprov.cli.BaseCommand;
import org.spaprov.cli.Cli;
import org.spaprov.cli.UserException;
import org.spaprov.cli.options.DurationConverter;
import org.spaprov.device.Device;
import org.spaprov.device.engine.RealTimeScheduler;
import org.spaprov.device.fetch.FetchSettings;
import org.spaprov.device.fetch.HostResolver;
import org.spaprov.device.fetch.TlsSettings;
import org.spaprov.device.fleet.Fleet;
import org.spaprov.device.fleet.FleetSummary;
import org.spaprov.device.state.Models;
import org.spaprov.server.SpaprovServer;
import org.spaprov.server.pki.KeyKind;
import org.spaprov.server.pki.Pem;
import org.spaprov.server.pki.PkiException;
import org.spaprov.server.site.SiteException;
import org.spaprov.server.site.SiteInit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spaprov demo}: a server and a fleet of emulated SPAs on loopback, end to end. */
@Command(name = "demo",
        description = {"Run a provisioning server and a fleet of emulated SPA2102s against it on 127.0.0.1.", "",
                "Creates a temporary example site (as 'spaprov site init' does) with one row, one AES key and one "
                        + "client certificate per device, starts the server on free ports, and powers the fleet on: "
                        + "each device bootstraps over TFTP (spa2102.cfg), fetches its own profile over HTTPS with its "
                        + "client certificate, then its encrypted profile over HTTP, and upgrades its firmware to "
                        + "5.2.12. Prints progress, a summary table and the server's URLs, then keeps serving until "
                        + "Ctrl-C (with --exit it stops after the table). The temporary site is deleted when the demo "
                        + "ends."},
        mixinStandardHelpOptions = true,
        exitCodeList = {"0:every device provisioned (and stopped with Ctrl-C or --exit)",
                "1:some devices failed, or the demo could not start", "2:usage error"},
        footer = {"  spaprov demo",
                "  spaprov demo --count 1000 --exit",
                "  spaprov demo --count 20 --timeout 60s"})
public final class DemoCommand extends BaseCommand {
    private static final String MAC_BASE = "000e08de0000";
    private static final String TARGET = "5.2.12";

    @Option(names = "--count", defaultValue = "200", paramLabel = "N", description = "Emulated devices (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--exit", description = "Stop after the summary instead of serving until Ctrl-C.")
    boolean exit;

    @Option(names = "--timeout", defaultValue = "120s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Give up waiting for the fleet after this long: " + DurationConverter.FORMS
                    + " (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--max-inflight", defaultValue = "64", paramLabel = "N", description = "Downloads the fleet runs at once (default: ${DEFAULT-VALUE}).")
    int maxInFlight;

    @Option(names = "--no-progress", description = "No progress bar (logs, CI).")
    boolean noProgress;

    /** Completing it stops the demo (tests); Ctrl-C completes it through a shutdown hook. */
    final CompletableFuture<Void> stop = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    /** Told the server once the summary is printed (tests). */
    Consumer<SpaprovServer> onServing = s -> { };
    /** Where the demo's temporary site and data go; deleted at exit (tests replace it). */
    Path tempRoot = Path.of(System.getProperty("java.io.tmpdir"));

    @Override
    public Integer call() throws Exception {
        if (count < 1 || count > 100_000) {
            throw UserException.usage("--count must be 1..100000, got " + count);
        }
        if (maxInFlight < 1) {
            throw UserException.usage("--max-inflight must be >= 1, got " + maxInFlight);
        }
        // One access line per request would bury the progress bar and the summary: the demo's own table says it.
        if (org.slf4j.LoggerFactory.getLogger(org.spaprov.server.http.AccessLog.LOGGER)
                instanceof ch.qos.logback.classic.Logger access) {
            access.setLevel(ch.qos.logback.classic.Level.OFF);
        }
        Duration limit = timeout;
        PrintWriter out = out();
        Clock clock = Clock.systemUTC();
        Path dir = Files.createTempDirectory(tempRoot, "spaprov-demo-");
        // From here on Ctrl-C stops the fleet or the serving, and waits until the directory is gone.
        Thread hook = new Thread(() -> {
            stop.complete(null);
            closed.join();
        }, "spaprov-demo-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Path site = dir.resolve("site");
            DemoSite.Devices devices = writeSite(site, clock);
            try (SpaprovServer server = start(site, dir, clock)) {
                return serve(out, server, site, devices, limit);
            }
        } finally {
            TempDirs.deleteQuietly(dir);
            closed.complete(null);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and now returns.
            }
        }
    }

    private DemoSite.Devices writeSite(Path site, Clock clock) {
        try {
            SiteInit.write(site, clock, KeyKind.EC_P256);
            return DemoSite.write(site, count, MAC_BASE, clock);
        } catch (SiteException e) {
            throw UserException.invalid(e.getMessage());
        } catch (IOException | PkiException e) {
            throw UserException.invalid("demo: " + e.getMessage());
        }
    }

    private static SpaprovServer start(Path site, Path dir, Clock clock) {
        try {
            return SpaprovServer.start(site, SpaprovServer.Overrides.NONE.withDataDir(dir.resolve("data"))
                    .withBind("127.0.0.1").withPorts(0, 0, 0, -1), clock);
        } catch (SiteException | IOException e) {
            throw UserException.invalid("demo: " + e.getMessage());
        }
    }

    private int serve(PrintWriter out, SpaprovServer server, Path site, DemoSite.Devices devices, Duration limit)
            throws Exception {
        int tftp = server.tftpAddress().orElseThrow().getPort();
        out.printf(Locale.ROOT, "site %s%n", site);
        server.listeningLines().forEach(out::println);
        out.flush();
        int code = runFleet(out, site, devices, tftp, limit);
        if (exit || stop.isDone()) {
            // The server stops with the demo: no URLs to try.
            onServing.accept(server);
            return code;
        }
        int http = server.httpAddress().orElseThrow().getPort();
        int https = server.httpsAddress().orElseThrow().getPort();
        out.printf(Locale.ROOT, "%nserver: http://127.0.0.1:%d/  https://localhost:%d/  tftp://127.0.0.1:%d/%n",
                http, https, tftp);
        out.printf(Locale.ROOT, "try:    curl -s http://127.0.0.1:%d/spa%s.cfg | openssl enc -d -aes-256-cbc -md md5 -k KEY | gunzip%n",
                http, SiteInit.DEVICES.get(1)[0]);
        out.printf(Locale.ROOT, "        (KEY is %s; every device's key is in %s)%n", SiteInit.EXAMPLE_KEY,
                site.resolve("devices.csv"));
        out.println("serving until Ctrl-C (the site is deleted then)");
        out.flush();
        onServing.accept(server);
        stop.join();
        return code;
    }

    private int runFleet(PrintWriter out, Path site, DemoSite.Devices devices, int tftp, Duration limit)
            throws Exception {
        TlsSettings tls = new TlsSettings(Pem.readCertificates(site.resolve("pki/ca.crt")), Optional.empty(),
                HostResolver.SYSTEM);
        Map<String, String> settings = Map.of(
                "Profile_Rule", "tftp://127.0.0.1:" + tftp + "/spa$PSN.cfg",
                "Resync_Random_Delay", "0");
        Fleet.Config cfg = new Fleet.Config(count, devices.macBase(), Models.get("spa2102"), settings, "5.1.10",
                "127.0.0.1", tls, FetchSettings.DEFAULTS, maxInFlight, 1L);
        // Device time runs 20x faster: boots, reboots and retry timers, not the network.
        try (RealTimeScheduler scheduler = new RealTimeScheduler(20)) {
            Fleet fleet = new Fleet(cfg, scheduler,
                    new PerDeviceCertificates(FetchSettings.DEFAULTS, tls, devices.credentials()));
            long end = System.nanoTime() + limit.toNanos();
            fleet.powerOnAll();
            ProgressBar bar = noProgress ? null : new ProgressBarBuilder().setTaskName("provisioned")
                    .setInitialMax(count).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                    .continuousUpdate().build();
            long done;
            try {
                // Provisioned = resynced over TFTP, HTTPS and HTTP, and running the target firmware.
                while ((done = provisioned(fleet)) < count && System.nanoTime() < end && !stop.isDone()) {
                    Thread.sleep(250); // between progress updates
                    if (bar != null) {
                        bar.stepTo(done);
                    }
                }
                if (bar != null) {
                    bar.stepTo(done);
                }
            } finally {
                if (bar != null) {
                    bar.close();
                }
            }
            FleetSummary s = fleet.summary();
            table(out, s, done);
            return done == count ? Cli.OK : Cli.INVALID;
        }
    }

    private static long provisioned(Fleet fleet) {
        long n = 0;
        for (Device d : fleet.devices()) {
            if (TARGET.equals(d.firmwareVersion())) {
                n++;
            }
        }
        return n;
    }

    private void table(PrintWriter out, FleetSummary s, long upgraded) {
        out.println();
        out.printf(Locale.ROOT, "%-28s %s%n", "devices", s.devices());
        out.printf(Locale.ROOT, "%-28s %d%n", "provisioned + upgraded", upgraded);
        out.printf(Locale.ROOT, "%-28s %d%n", "successful resyncs", s.successes());
        out.printf(Locale.ROOT, "%-28s %d%n", "failed resyncs", s.failureCount());
        new TreeMap<>(s.failures()).forEach((why, n) -> out.printf(Locale.ROOT, "  %-26s %d%n", why, n));
        out.printf(Locale.ROOT, "%-28s %d in %.1f s (%.1f req/s)%n", "requests", s.requests(), s.elapsedSeconds(),
                s.requestsPerSecond());
        out.printf(Locale.ROOT, "%-28s p50 %.1f ms, p99 %.1f ms%n", "latency", s.p50Millis(), s.p99Millis());
        out.flush();
    }
}
