package org.spaprov.cli.device;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.spaprov.cli.BaseCommand;
import org.spaprov.cli.Cli;
import org.spaprov.cli.UserException;
import org.spaprov.cli.options.DurationConverter;
import org.spaprov.device.engine.RealTimeScheduler;
import org.spaprov.device.fetch.FetchSettings;
import org.spaprov.device.fetch.HostResolver;
import org.spaprov.device.fetch.TlsSettings;
import org.spaprov.device.fleet.Fleet;
import org.spaprov.device.fleet.FleetSummary;
import org.spaprov.device.sip.NotifyRouter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spaprov fleet}: N emulated devices in one JVM against your server, with a summary. */
@Command(name = "fleet",
        description = {"Emulate a fleet of SPA devices in one JVM (virtual threads) and summarise the outcome.", "",
                "All devices power on at once, as after a power failure; Resync_Random_Delay spreads their first "
                        + "requests. --time-scale compresses device time (timers, delays) without changing the network.",
                "",
                "The summary gives successes, failures by $ERR, requests per second, download latency percentiles "
                        + "and the heap used per device.",
                "",
                "With --sip-port every device answers SIP NOTIFY (resync, report, reboot_now) on that one UDP port, "
                        + "routed by the Request-URI user (its User_ID_1_, or its MAC) and challenged with its own "
                        + "line credentials, so a server can push the whole fleet."},
        mixinStandardHelpOptions = true,
        sortOptions = false,
        exitCodeList = {"0:every device's first resync succeeded (or --until forever ended)",
                "1:some failed, or not all finished within --duration", "2:usage error"},
        footer = {"  spaprov fleet --count 1000 --mac-base 000e08000000 \\",
                "      --set 'Profile_Rule=http://127.0.0.1:8080/spa$MA.xml'",
                "  spaprov fleet --count 10000 --mac-base 000e08000000 --until forever \\",
                "      --duration 1d --time-scale 120 --set Resync_Periodic=3600+600 \\",
                "      --set 'Profile_Rule=http://127.0.0.1:8080/spa$MA.xml'",
                "  spaprov fleet --count 200 --mac-base 000e08000000 --sip-port 5070 --until forever \\",
                "      --duration 1h --set 'Profile_Rule=http://127.0.0.1:8080/spa$MA.xml'",
                "  SPAPROV_JAVA_OPTS=-Xmx2g spaprov fleet --count 100000 \\",
                "      --mac-base 000e08000000 --json --set 'Profile_Rule=...'"})
public final class FleetCommand extends BaseCommand {
    /** When to stop. */
    public enum Until { resync, forever }

    @Option(names = "--count", required = true, paramLabel = "N", description = "Number of devices.")
    int count;

    @Option(names = "--mac-base", required = true, paramLabel = "MAC", description = "MAC of the first device; the others count up.")
    String macBase;

    @Mixin
    DeviceOptions device;

    @Option(names = "--until", defaultValue = "resync", paramLabel = "resync|forever",
            description = "Stop when every device finished its first resync, or run for --duration (default ${DEFAULT-VALUE}).")
    Until until;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
            description = "Longest run in device time: " + DurationConverter.FORMS
                    + " (default: 10m for resync; required for forever).")
    Duration duration;

    @Option(names = "--time-scale", defaultValue = "1", paramLabel = "X", description = "Device seconds per real second (default ${DEFAULT-VALUE}).")
    double timeScale;

    @Option(names = "--max-inflight", defaultValue = "256", paramLabel = "K", description = "Downloads at once across the fleet (default ${DEFAULT-VALUE}).")
    int maxInFlight;

    @Option(names = "--cert-dir", paramLabel = "DIR",
            description = "Client certificates DIR/<mac>.crt with PKCS#8 keys DIR/<mac>.key (e.g. a site's pki/devices).")
    Path certDir;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of the devices' random delays (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--sip-port", paramLabel = "P",
            description = "Answer SIP NOTIFY for every device on UDP 127.0.0.1:P (0 = a free port, printed).")
    Integer sipPort;

    @Option(names = "--no-progress", description = "No progress bar on standard error.")
    boolean noProgress;

    @Option(names = "--json", description = "Summary as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        DeviceSetup.resolveEveryTime();
        if (count < 1 || count > 10_000_000) {
            throw UserException.usage("--count must be 1..10000000, got " + count);
        }
        if (!(timeScale >= 1)) {
            throw UserException.usage("--time-scale must be >= 1, got " + timeScale);
        }
        if (maxInFlight < 1) {
            throw UserException.usage("--max-inflight must be >= 1, got " + maxInFlight);
        }
        if (sipPort != null && (sipPort < 0 || sipPort > 65535)) {
            throw UserException.usage("--sip-port must be 0..65535, got " + sipPort);
        }
        if (until == Until.forever && duration == null) {
            throw UserException.usage("--until forever needs --duration (device time, e.g. 1h)");
        }
        if (certDir != null && !java.nio.file.Files.isDirectory(certDir)) {
            throw UserException.invalid("--cert-dir " + certDir + ": no such directory");
        }
        Duration limit = duration == null ? Duration.ofMinutes(10) : duration;
        Fleet.Config cfg;
        try {
            cfg = new Fleet.Config(count, DeviceSetup.mac(macBase), device.deviceModel(), device.settings(),
                    device.firmware, device.dhcpTftp, new TlsSettings(device.cas(), java.util.Optional.empty(), HostResolver.SYSTEM),
                    FetchSettings.DEFAULTS, maxInFlight, seed);
        } catch (IllegalArgumentException e) {
            throw UserException.usage(e.getMessage());
        }
        PrintWriter out = out();
        try (RealTimeScheduler clock = new RealTimeScheduler(timeScale)) {
            Fleet fleet;
            try {
                fleet = new Fleet(cfg, clock, null, this::certFor);
            } catch (IOException e) {
                throw UserException.invalid(e.getMessage());
            }
            long perDevice = fleet.measureHeapPerDevice();
            Instant end = clock.now().plus(limit);
            NotifyRouter sip = null;
            if (sipPort != null) {
                try {
                    sip = fleet.listenSip(java.net.InetAddress.getLoopbackAddress(), sipPort, java.time.Clock.systemUTC());
                } catch (IOException e) {
                    throw UserException.invalid("--sip-port " + sipPort + ": cannot bind: " + e.getMessage());
                }
                out.println("listening sip " + sip.address().getAddress().getHostAddress() + ":" + sip.address().getPort());
                out.flush();
            }
            fleet.powerOnAll();
            boolean finished;
            try {
                finished = run(fleet, clock, end);
            } finally {
                if (sip != null) {
                    sip.close();
                }
            }
            long afterRun = fleet.measureHeapPerDevice();
            FleetSummary s = fleet.summary();
            print(out, s, perDevice, afterRun);
            if (until == Until.forever) {
                return Cli.OK;
            }
            return finished && s.failureCount() == 0 ? Cli.OK : Cli.INVALID;
        }
    }

    private java.util.Optional<org.spaprov.device.ClientCredentials> certFor(String mac) {
        if (certDir == null) {
            return java.util.Optional.empty();
        }
        Path crt = certDir.resolve(mac + ".crt");
        Path key = certDir.resolve(mac + ".key");
        if (!java.nio.file.Files.isRegularFile(crt) || !java.nio.file.Files.isRegularFile(key)) {
            return java.util.Optional.empty(); // devices without a certificate: $CCERT = Not Installed
        }
        return DeviceSetup.cert(crt, key);
    }

    private boolean run(Fleet fleet, RealTimeScheduler clock, Instant end) throws InterruptedException {
        ProgressBar bar = noProgress ? null : new ProgressBarBuilder()
                .setTaskName(until == Until.resync ? "first resync" : "device time")
                .setInitialMax(until == Until.resync ? fleet.size() : Duration.between(clock.now(), end).toSeconds())
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).continuousUpdate().build();
        Instant start = clock.now();
        try {
            while (clock.now().isBefore(end)) {
                if (until == Until.resync) {
                    if (fleet.awaitAllDone(Duration.ofMillis(250))) {
                        progress(bar, fleet.size());
                        return true;
                    }
                    progress(bar, fleet.devicesDone());
                } else {
                    Thread.sleep(250); // between progress updates
                    progress(bar, Duration.between(start, clock.now()).toSeconds());
                }
            }
            return until == Until.forever || fleet.devicesDone() == fleet.size();
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
    }

    private static void progress(ProgressBar bar, long value) {
        if (bar != null) {
            bar.stepTo(Math.min(value, bar.getMax()));
        }
    }

    private void print(PrintWriter out, FleetSummary s, long idle, long perDevice) {
        Map<String, Long> failures = new TreeMap<>(s.failures());
        if (json) {
            ObjectNode n = new ObjectMapper().createObjectNode();
            n.put("devices", s.devices()).put("devicesDone", s.devicesDone()).put("successes", s.successes())
                    .put("failureCount", s.failureCount()).put("requests", s.requests())
                    .put("elapsedSeconds", round(s.elapsedSeconds())).put("requestsPerSecond", round(s.requestsPerSecond()))
                    .put("latencyP50Ms", round(s.p50Millis())).put("latencyP90Ms", round(s.p90Millis()))
                    .put("latencyP99Ms", round(s.p99Millis())).put("latencyMaxMs", round(s.maxMillis()))
                    .put("heapBytesPerDeviceIdle", idle).put("heapBytesPerDevice", perDevice)
                    .put("devicesPerGiB", s.devicesPerGiB());
            ObjectNode f = n.putObject("failures");
            failures.forEach(f::put);
            out.println(n.toString());
        } else {
            out.printf(Locale.ROOT, "devices:      %d (%d finished a resync)%n", s.devices(), s.devicesDone());
            out.printf(Locale.ROOT, "successes:    %d%n", s.successes());
            out.printf(Locale.ROOT, "failures:     %d%n", s.failureCount());
            failures.forEach((err, n) -> out.printf(Locale.ROOT, "  %-24s %d%n", err, n));
            out.printf(Locale.ROOT, "requests:     %d in %.1f s (%.1f req/s)%n", s.requests(), s.elapsedSeconds(),
                    s.requestsPerSecond());
            out.printf(Locale.ROOT, "latency:      p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", s.p50Millis(),
                    s.p90Millis(), s.p99Millis(), s.maxMillis());
            out.printf(Locale.ROOT, "heap:         %d bytes per device after the run (%d devices per GiB);"
                    + " %d before power-on%n", perDevice, s.devicesPerGiB(), idle);
        }
        out.flush();
    }

    private static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }
}
