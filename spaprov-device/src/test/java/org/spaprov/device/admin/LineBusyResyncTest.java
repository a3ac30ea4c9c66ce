package org.spaprov.device.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spaprov.device.Device;
import org.spaprov.device.DeviceIdentity;
import org.spaprov.device.engine.VirtualScheduler;
import org.spaprov.device.fetch.FetchRequest;
import org.spaprov.device.fetch.FetchResult;
import org.spaprov.device.report.ConfigReport;

/**
 * The busy-line deferral of a resync, driven end to end with curl through the admin port of an
 * emulated device on virtual time. The guide (G30 p65, Forced_Resync_Delay): "The device does not
 * resync while one of its phone lines is active … The device has a timer that begins counting down
 * when all of its lines become idle. This parameter is the initial value of the counter. Resync events
 * are delayed until this counter decrements to zero."; and (p42) "delays the resync procedure until
 * the line becomes idle again. However, it waits no longer than Forced_Resync_Delay." (SPEC §7.4:
 * whichever comes first.)
 */
class LineBusyResyncTest {
    private static final Path CURL = Path.of("/usr/bin/curl");
    private final VirtualScheduler clock = new VirtualScheduler();
    private final java.time.Instant start = clock.now();
    private final List<Long> fetchedAt = new CopyOnWriteArrayList<>();
    private Device device;
    private AdminWebServer admin;

    @BeforeEach
    void start() throws Exception {
        assertTrue(Files.isExecutable(CURL), "curl missing");
        device = Device.builder(DeviceIdentity.of("spa2102", "000e08aabbcc")).scheduler(clock).syslog(false)
                .resolver(host -> List.of(InetAddress.getByName("127.0.0.1"))).transport(this::fetch)
                .set("Resync_On_Reset", "No").set("Forced_Resync_Delay", "60")
                .set("Profile_Rule", "http://prov.test/spa.xml").build();
        device.powerOn();
        clock.runDue();
        admin = AdminWebServer.start(device, InetAddress.getLoopbackAddress(), 0, ConfigReport.PLAIN, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        admin.stop();
    }

    @Test
    void aBusyLineHoldsTheResyncForAtMostForcedResyncDelay() throws Exception {
        assertThat(post("/admin/line/1/busy")).isEqualTo("200 line 1 busy");
        assertThat(get("/admin/resync")).isEqualTo("200 resync requested");
        clock.advance(Duration.ofSeconds(59));
        assertThat(fetchedAt).as("still waiting for the line").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(fetchedAt).as("Forced_Resync_Delay ran out during the call").containsExactly(60L);
    }

    @Test
    void theResyncRunsWhenTheLineGoesIdle() throws Exception {
        post("/admin/line/2/busy");
        get("/admin/resync");
        clock.advance(Duration.ofSeconds(10));
        assertThat(fetchedAt).isEmpty();
        assertThat(post("/admin/line/2/idle")).isEqualTo("200 line 2 idle");
        clock.runDue();
        assertThat(fetchedAt).containsExactly(10L);
        clock.advance(Duration.ofSeconds(60));
        assertThat(fetchedAt).as("the forced timer was called off").containsExactly(10L);
    }

    @Test
    void withIdleLinesTheResyncRunsAtOnce() throws Exception {
        get("/admin/resync");
        clock.runDue();
        assertThat(fetchedAt).containsExactly(0L);
    }

    private FetchResult fetch(FetchRequest r) {
        fetchedAt.add(Duration.between(start, clock.now()).toSeconds());
        return new FetchResult.Ok("<flat-profile/>".getBytes(StandardCharsets.UTF_8), r.addresses().get(0));
    }

    private String post(String path) throws Exception {
        return curl(path, "-X", "POST");
    }

    private String get(String path) throws Exception {
        return curl(path);
    }

    /** "STATUS first-line-of-body"; the device has queued its work when curl returns. */
    private String curl(String path, String... extra) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(CURL.toString(), "-sS", "--max-time", "20",
                "-w", " %{http_code}"));
        cmd.addAll(List.of(extra));
        cmd.add("http://127.0.0.1:" + admin.port() + path);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        String body = out.substring(0, out.lastIndexOf(' ')).strip();
        return out.substring(out.lastIndexOf(' ') + 1) + " " + body;
    }
}
