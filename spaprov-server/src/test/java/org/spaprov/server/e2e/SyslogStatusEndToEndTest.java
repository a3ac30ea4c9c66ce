package org.spaprov.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.device.Device;
import org.spaprov.device.DeviceIdentity;
import org.spaprov.device.engine.VirtualScheduler;
import org.spaprov.server.SpaprovServer;
import org.spaprov.server.feedback.syslog.SyslogReceiver;
import org.spaprov.server.net.Proc;

/**
 * The syslog receiver and device status against real peers on loopback: util-linux {@code logger} sending
 * RFC 3164 and RFC 5424 lines in the guide's formats, and the emulated device with {@code Syslog_Server}
 * pointing at the server; the status is read back through the admin API, as an operator would.
 */
class SyslogStatusEndToEndTest {
    private static final String A = "000e08aabb01";
    private static final String B = "000e08aabb02";
    private static final String TOKEN = "syslog-status-test-token-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    SpaprovServer server;
    SyslogReceiver syslog;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        write("spaprov.yaml", "listen: {bind: 127.0.0.1, tftp: -1, http: 0, https: -1, admin: 0, syslog: 0}\n");
        write("devices.csv", """
                mac,model,serial,groups,key,var.sip_password
                %s,spa2102,SN0001,office,,pw-1
                %s,spa2102,SN0002,lab,,pw-2
                """.formatted(A, B));
        write("layers/group/office.xml", "<flat-profile/>\n");
        write("layers/group/lab.xml", "<flat-profile/>\n");
        server = SpaprovServer.start(dir, SpaprovServer.Overrides.NONE.withDataDir(dir.resolve(".data"))
                .withEnv(Map.of("SPAPROV_ADMIN_TOKEN", TOKEN)), Clock.systemUTC());
        syslog = server.syslogReceiver().orElseThrow();
        // What a site serving its own syslog does: point the devices at it (a profile sets every parameter, so
        // a device whose profile left Syslog_Server out would go silent after its first resync).
        write("layers/global.xml", """
                <flat-profile>
                  <Resync_Periodic>3600</Resync_Periodic>
                  <Syslog_Server>127.0.0.1:%d</Syslog_Server>
                  <Log_Resync_Success_Msg>resync ok from $SERVIP</Log_Resync_Success_Msg>
                </flat-profile>
                """.formatted(syslogPort()));
        assertThat(server.core().reloadNow()).as(server.core().siteError().orElse("")).isTrue();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theListeningLineNamesTheSyslogPort() {
        assertThat(server.listeningLines()).contains("listening syslog 127.0.0.1:" + syslogPort());
    }

    @Test
    void loggerLinesInBothFormatsUpdateStatusAndTheListFilters() throws Exception {
        Proc.assumeInstalled("/usr/bin/logger");
        logger("--rfc3164", "SPA2102 00:0e:08:aa:bb:01 -- Resync failed: file not found");
        logger("--rfc5424", "SPA2102 00:0e:08:aa:bb:02 -- Successful upgrade HTTP://127.0.0.1:80/fw.bin -- 5.3.0");
        logger("--rfc5424", "RSE_DEBUG: line state changed on 00:0e:08:aa:bb:01");
        assertThat(syslog.awaitHandled(3, WAIT)).isTrue();

        JsonNode a = device(A).path("status");
        assertThat(a.path("lastResync").path("result").asText()).isEqualTo("failed");
        assertThat(a.path("lastResync").path("error").asText()).isEqualTo("file not found");
        assertThat(a.path("lastResync").path("source").asText()).isEqualTo("syslog");
        assertThat(a.path("applied").path("state").asText()).isEqualTo("pending");
        JsonNode b = device(B).path("status");
        assertThat(b.path("lastUpgrade").path("result").asText()).isEqualTo("ok");
        assertThat(b.path("lastUpgrade").path("error").isNull()).isTrue();
        assertThat(b.path("firmware").asText()).isEqualTo("5.3.0");
        // the unparsed line is kept as A's raw device log line (its MAC is in it)
        assertThat(server.core().store().status().logLines(A, 10)).singleElement()
                .satisfies(l -> assertThat(l.line()).endsWith("RSE_DEBUG: line state changed on 00:0e:08:aa:bb:01"));

        assertThat(macs("?result=failed")).containsExactly(A);
        assertThat(macs("?firmware=5.3.0")).containsExactly(B);
        assertThat(macs("?q=bb02")).containsExactly(B);
        assertThat(macs("?q=sip_pass")).containsExactly(A, B);
        assertThat(macs("?q=pw-1")).isEmpty(); // a variable's value is never searched
        assertThat(macs("?group=lab")).containsExactly(B);
        assertThat(macs("?model=spa2102&result=failed&limit=1")).containsExactly(A);
        assertThat(macs("?stale=true")).isEmpty();
        assertThat(get("/devices?stale=maybe").statusCode()).isEqualTo(400);
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(server.admin().orElseThrow()
                .baseUrl().replace("/api/v1", "/metrics"))).header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).contains("spaprov_syslog_received_total 3.0", "spaprov_syslog_dropped_total 0.0");
    }

    @Test
    void aLineWithoutMacIsTiedToTheDeviceLastSeenAtItsAddressByTheSitesOwnTemplate() throws Exception {
        Proc.assumeInstalled("/usr/bin/logger");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.httpAddress().orElseThrow().getPort() + "/spa" + A + ".cfg"))
                .header("User-Agent", "Linksys/SPA-2102-5.2.12 (SN0001)").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        server.core().store().flush();
        server.core().store().status().flush();
        JsonNode served = device(A).path("status");
        assertThat(served.path("applied").path("state").asText()).isEqualTo("served");
        assertThat(served.path("applied").path("hash").asText()).isEqualTo(r.headers().firstValue("ETag").orElseThrow());
        assertThat(served.path("lastResync").path("source").asText()).isEqualTo("request");
        assertThat(served.path("lastContact").path("userAgent").asText()).isEqualTo("Linksys/SPA-2102-5.2.12 (SN0001)");
        assertThat(served.path("firmware").asText()).isEqualTo("5.2.12");

        logger("--rfc3164", "resync ok from 127.0.0.1"); // the site's Log_Resync_Success_Msg, no MAC in it
        assertThat(syslog.awaitHandled(1, WAIT)).isTrue();

        JsonNode s = device(A).path("status");
        assertThat(s.path("lastResync").path("result").asText()).isEqualTo("ok");
        assertThat(s.path("lastResync").path("source").asText()).isEqualTo("syslog");
        assertThat(s.path("applied").path("state").asText()).isEqualTo("acknowledged");
        assertThat(device(B).path("status").path("lastResync").isNull()).isTrue();

        // an operator edits a layer the device uses: its profile is pending until it fetches it again
        write("layers/group/office.xml", "<flat-profile><Dial_Plan_1_>(1xx.)</Dial_Plan_1_></flat-profile>\n");
        assertThat(server.core().reloadNow()).isTrue();
        assertThat(device(A).path("status").path("applied").path("state").asText()).isEqualTo("pending");
        assertThat(device(B).path("status").path("applied").path("state").asText()).isEqualTo("pending");
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.httpAddress().orElseThrow().getPort() + "/spa" + A + ".cfg")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        server.core().store().status().flush();
        assertThat(device(A).path("status").path("applied").path("state").asText()).isEqualTo("served");
    }

    @Test
    void anEmulatedDeviceResyncsOkThenABrokenUrlFailsWithTheGuidesErr() throws Exception {
        VirtualScheduler clock = new VirtualScheduler();
        DeviceLog log = new DeviceLog();
        int httpPort = server.httpAddress().orElseThrow().getPort();
        Device d = Device.builder(new DeviceIdentity("spa2102", B, "SN0002", null, Optional.empty()))
                .firmware("5.2.12").scheduler(clock).random(RandomGenerator.of("L64X128MixRandom"))
                .events(log).set("Resync_Random_Delay", "0").set("Resync_Periodic", "0")
                .set("Syslog_Server", "127.0.0.1:" + syslogPort())
                .set("Profile_Rule", "http://127.0.0.1:" + httpPort + "/spa$MA.cfg").build();
        d.powerOn();
        clock.advance(Duration.ZERO);
        assertThat(log.lines()).contains("resync-success");
        // request + success (by the guide's template, or by the site's once applied: then tied by address)
        assertThat(syslog.awaitHandled(2, WAIT)).as("received %d, handled %d, device %s", syslog.received(), syslog.handled(), log.lines()).isTrue();
        JsonNode ok = device(B).path("status");
        assertThat(ok.path("lastResync").path("result").asText()).isEqualTo("ok");
        assertThat(ok.path("lastResync").path("source").asText()).isEqualTo("syslog");
        assertThat(ok.path("applied").path("state").asText()).isEqualTo("acknowledged");

        long before = syslog.handled();
        d.setParams(Map.of("Profile_Rule", "http://127.0.0.1:" + httpPort + "/nosuch$MA.cfg"));
        d.resyncNow(Optional.empty(), "127.0.0.1");
        clock.advance(Duration.ZERO);
        String err = log.lines().stream().filter(l -> l.startsWith("resync-failure: ")).reduce((x, y) -> y)
                .orElseThrow().substring("resync-failure: ".length());
        assertThat(syslog.awaitHandled(before + 2, WAIT)).isTrue();
        JsonNode failed = device(B).path("status").path("lastResync");
        assertThat(failed.path("result").asText()).isEqualTo("failed");
        assertThat(failed.path("error").asText()).isEqualTo(err).isNotBlank();
    }

    // ------------------------------------------------------------------ helpers

    private int syslogPort() {
        return server.syslogAddress().orElseThrow().getPort();
    }

    private void logger(String format, String message) throws Exception {
        Proc.Result r = Proc.run(List.of("/usr/bin/logger", "--udp", "--server", "127.0.0.1", "--port",
                String.valueOf(syslogPort()), format, "-t", "SPA2102", message));
        assertThat(r.exit()).as(r.err()).isZero();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.admin().orElseThrow().baseUrl() + path))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode device(String mac) throws Exception {
        HttpResponse<String> r = get("/devices/" + mac);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("device");
    }

    private List<String> macs(String query) throws Exception {
        HttpResponse<String> r = get("/devices" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> out = new java.util.ArrayList<>();
        JSON.readTree(r.body()).path("devices").forEach(n -> out.add(n.path("mac").asText()));
        return out;
    }

    private void write(String rel, String text) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
