package org.spaprov.server.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.device.engine.RealTimeScheduler;
import org.spaprov.device.fetch.FetchSettings;
import org.spaprov.device.fleet.Fleet;
import org.spaprov.device.sip.NotifyRouter;
import org.spaprov.device.state.Models;
import org.spaprov.server.SpaprovServer;
import org.spaprov.server.admin.AdminToken;
import org.spaprov.server.store.Contact;
import org.spaprov.server.store.ProvisionEvent;

/**
 * A resync campaign through the admin API against 200 emulated devices that provisioned from the real
 * server and answer NOTIFY on the fleet's one SIP socket, each challenging with 401 and its own line
 * credentials; three devices that are down (a silent port) end as {@code timeout}; every device that
 * accepted comes back with a request (acknowledged).
 */
class CampaignEndToEndTest {
    private static final int FLEET = 200;
    private static final String MAC_BASE = "000e08c00000";
    private static final List<String> DOWN = List.of("000e08d00001", "000e08d00002", "000e08d00003");
    private static final String TOKEN = "push-test-token-0123456789";
    private static final String LINE_PASSWORD = "fleet-line-secret";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path site(int sipPort, int silentPort) throws Exception {
        Path site = dir.resolve("site");
        Files.createDirectories(site.resolve("layers/group"));
        Files.writeString(site.resolve("spaprov.yaml"), "listen: {bind: 127.0.0.1}\npush: {timeout: 1s, rate: 5000}\n");
        Files.writeString(site.resolve("layers/global.xml"), "<flat-profile>\n"
                + "  <Profile_Rule>{{ server.http_url }}/spa$MA.xml</Profile_Rule>\n"
                + "  <Resync_Random_Delay>0</Resync_Random_Delay>\n"
                + "  <User_ID_1_>{{ device.mac }}</User_ID_1_>\n"
                + "  <Password_1_>" + LINE_PASSWORD + "</Password_1_>\n"
                + "  <SIP_Port_1_>" + sipPort + "</SIP_Port_1_>\n"
                + "</flat-profile>\n");
        Files.writeString(site.resolve("layers/group/down.xml"),
                "<flat-profile>\n  <SIP_Port_1_>" + silentPort + "</SIP_Port_1_>\n</flat-profile>\n");
        StringBuilder csv = new StringBuilder("mac,model,groups\n");
        long base = Long.parseLong(MAC_BASE, 16);
        for (int i = 0; i < FLEET; i++) {
            csv.append(String.format("%012x", base + i)).append(",spa2102,\n");
        }
        DOWN.forEach(m -> csv.append(m).append(",spa2102,down\n"));
        Files.writeString(site.resolve("devices.csv"), csv);
        return site;
    }

    private HttpResponse<String> api(SpaprovServer s, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.admin().orElseThrow().baseUrl() + path))
                .header("Authorization", "Bearer " + TOKEN);
        b = body == null ? b.GET() : b.method(method, HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aResyncCampaignConvergesOnTwoHundredDevicesAndDownDevicesTimeOut() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(loopback, 0));
                RealTimeScheduler scheduler = new RealTimeScheduler(20)) {
            // The server first (the fleet's Profile_Rule names its HTTP port), then the fleet, whose one SIP
            // port then goes into the site's layer.
            Path site = site(0, silent.getLocalPort());
            try (SpaprovServer server = SpaprovServer.start(site, SpaprovServer.Overrides.NONE
                    .withDataDir(dir.resolve("data")).withPorts(-1, 0, -1, 0)
                    .withEnv(Map.of(AdminToken.ENV, TOKEN)), Clock.systemUTC())) {
                int http = server.httpAddress().orElseThrow().getPort();
                Map<String, String> settings = Map.of("Resync_Random_Delay", "0", "Password_1_", LINE_PASSWORD,
                        "Profile_Rule", "http://127.0.0.1:" + http + "/spa$MA.xml");
                Fleet fleet = new Fleet(new Fleet.Config(FLEET, MAC_BASE, Models.get("spa2102"), settings, "5.2.12",
                        "127.0.0.1", null, FetchSettings.DEFAULTS, 50, 1L), scheduler, null);
                try (NotifyRouter router = fleet.listenSip(loopback, 0, Clock.systemUTC())) {
                    Files.writeString(site.resolve("layers/global.xml"), Files.readString(site.resolve("layers/global.xml"))
                            .replace("<SIP_Port_1_>0</SIP_Port_1_>", "<SIP_Port_1_>" + router.address().getPort()
                                    + "</SIP_Port_1_>"));
                    assertThat(server.core().reloadNow()).as("site reloads: %s", server.core().siteError()).isTrue();
                    fleet.powerOnAll();
                    assertThat(fleet.awaitAllDone(Duration.ofSeconds(120))).as("fleet provisioned").isTrue();
                    assertThat(fleet.summary().successes()).isEqualTo(FLEET);
                    // The down devices were seen once, from the same address as everyone else.
                    for (String mac : DOWN) {
                        server.core().store().contact(new Contact(mac, Clock.systemUTC().instant(), "127.0.0.1", "http",
                                Optional.empty(), Optional.empty()));
                    }
                    server.core().store().flush();

                    HttpResponse<String> started = api(server, "POST", "/campaigns",
                            "{\"action\":\"resync\",\"target\":{\"all\":true},\"via\":\"sip\"}");
                    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
                    long id = JSON.readTree(started.body()).get("id").asLong();
                    assertThat(JSON.readTree(started.body()).get("devices").asInt()).isEqualTo(FLEET + DOWN.size());
                    server.campaigns().whenDone(id).get(120, TimeUnit.SECONDS);

                    JsonNode c = JSON.readTree(api(server, "GET", "/campaigns/" + id, null).body());
                    assertThat(c.get("state").asText()).isEqualTo("done");
                    assertThat(c.get("counts").get("ok").asInt()).as(c.toString()).isEqualTo(FLEET);
                    assertThat(c.get("counts").get("timeout").asInt()).isEqualTo(DOWN.size());
                    List<String> timedOut = new ArrayList<>();
                    for (JsonNode d : c.get("devices")) {
                        if (DOWN.contains(d.get("mac").asText())) {
                            timedOut.add(d.get("mac").asText());
                            assertThat(d.get("outcome").asText()).isEqualTo("timeout");
                        } else {
                            assertThat(d.get("status").asInt()).isEqualTo(200);
                            assertThat(d.get("detail").asText()).as("each device challenged").isEqualTo("200 OK after digest");
                        }
                    }
                    assertThat(timedOut).containsExactlyElementsOf(DOWN);
                    assertThat(c.toString()).doesNotContain(LINE_PASSWORD);

                    // Each device resyncs after its NOTIFY: its next request closes the loop.
                    JsonNode after = c;
                    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (after.get("acknowledged").asInt() < FLEET && System.nanoTime() < end) {
                        server.core().store().flush();
                        after = JSON.readTree(api(server, "GET", "/campaigns/" + id, null).body());
                    }
                    String first = String.format("%012x", Long.parseLong(MAC_BASE, 16));
                    server.core().store().flush();
                    assertThat(after.get("acknowledged").asInt()).as("%s\n%s", after.get("devices").get(0),
                            server.core().store().events(Optional.of(first), 20)).isEqualTo(FLEET);

                    List<ProvisionEvent> events = server.core().store().events(Optional.of(first), 20);
                    assertThat(events).anySatisfy(e -> {
                        assertThat(e.protocol()).isEqualTo("sip");
                        assertThat(e.file()).isEqualTo("NOTIFY resync");
                        assertThat(e.status()).isEqualTo(200);
                        assertThat(e.reason()).startsWith("push: campaign " + id + ": ok");
                    });
                }
            }
        }
    }
}
