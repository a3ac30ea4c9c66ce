package org.spaprov.server.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.device.Device;
import org.spaprov.device.DeviceIdentity;
import org.spaprov.device.admin.AdminWebServer;
import org.spaprov.device.engine.RealTimeScheduler;
import org.spaprov.server.SpaprovServer;
import org.spaprov.server.admin.AdminToken;

/**
 * HTTP push against the emulator's web server: {@code /admin/resync} answered after the device's digest
 * challenge with {@code admin} and its {@code Admin_Passwd}; a device never seen is unreachable; the
 * device's following request acknowledges the push; {@code report} has no HTTP form.
 */
class HttpPushEndToEndTest {
    private static final String DEVICE = "000e08e0a001";
    private static final String UNSEEN = "000e08e0a002";
    private static final String TOKEN = "push-http-token-0123456789";
    private static final String ADMIN_PASSWORD = "web-admin-secret";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode api(SpaprovServer s, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.admin().orElseThrow().baseUrl() + path))
                .header("Authorization", "Bearer " + TOKEN);
        HttpResponse<String> r = HTTP.send((body == null ? b.GET() : b.POST(HttpRequest.BodyPublishers.ofString(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
        return JSON.readTree(r.body());
    }

    private static JsonNode device(JsonNode campaign, String mac) {
        for (JsonNode d : campaign.get("devices")) {
            if (d.get("mac").asText().equals(mac)) {
                return d;
            }
        }
        throw new AssertionError("no " + mac + " in " + campaign);
    }

    @Test
    void resyncThroughTheDevicesWebServerWithItsAdminPassword() throws Exception {
        Path site = dir.resolve("site");
        Files.createDirectories(site.resolve("layers"));
        Files.writeString(site.resolve("spaprov.yaml"), "listen: {bind: 127.0.0.1}\npush: {http: false}\n");
        Files.writeString(site.resolve("layers/global.xml"), "<flat-profile>\n"
                + "  <Profile_Rule>{{ server.http_url }}/spa$MA.xml</Profile_Rule>\n"
                + "  <Resync_Random_Delay>0</Resync_Random_Delay>\n"
                + "  <Admin_Passwd>" + ADMIN_PASSWORD + "</Admin_Passwd>\n"
                + "</flat-profile>\n");
        Files.writeString(site.resolve("devices.csv"), "mac,model\n" + DEVICE + ",spa2102\n" + UNSEEN + ",spa2102\n");
        try (RealTimeScheduler scheduler = new RealTimeScheduler(20);
                SpaprovServer server = SpaprovServer.start(site, SpaprovServer.Overrides.NONE
                        .withDataDir(dir.resolve("data")).withPorts(-1, 0, -1, 0)
                        .withEnv(Map.of(AdminToken.ENV, TOKEN)), Clock.systemUTC())) {
            int http = server.httpAddress().orElseThrow().getPort();
            Device device = Device.builder(new DeviceIdentity("spa2102", DEVICE, null, null, Optional.empty()))
                    .firmware("5.2.12").scheduler(scheduler).random(RandomGenerator.of("L64X128MixRandom"))
                    .set("Resync_Random_Delay", "0").set("Admin_Passwd", ADMIN_PASSWORD)
                    .set("Profile_Rule", "http://127.0.0.1:" + http + "/spa$MA.xml").build();
            try (AdminWebServer web = AdminWebServer.start(device, 0)) {
                // HTTP push is off until the site allows it
                long off = api(server, "/campaigns", "{\"action\":\"resync\",\"target\":{\"mac\":\"" + DEVICE
                        + "\"},\"via\":\"http\"}").get("id").asLong();
                server.campaigns().whenDone(off).get(30, TimeUnit.SECONDS);
                assertThat(device(api(server, "/campaigns/" + off, null), DEVICE).get("detail").asText())
                        .contains("push.http: false");

                Files.writeString(site.resolve("spaprov.yaml"), "listen: {bind: 127.0.0.1}\n"
                        + "push: {http: true, http-port: " + web.port() + ", timeout: 5s}\n");
                assertThat(server.core().reloadNow()).as("%s", server.core().siteError()).isTrue();
                device.powerOn();
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (server.core().store().lastContact(DEVICE).isEmpty() && System.nanoTime() < end) {
                    server.core().store().flush(); // until the device's boot-time fetch is stored
                }
                assertThat(server.core().store().lastContact(DEVICE)).as("the device booted and fetched").isPresent();

                long id = api(server, "/campaigns", "{\"action\":\"resync\",\"target\":{\"macs\":[\"" + DEVICE
                        + "\",\"" + UNSEEN + "\"]},\"via\":\"http\"}").get("id").asLong();
                server.campaigns().whenDone(id).get(30, TimeUnit.SECONDS);
                JsonNode c = api(server, "/campaigns/" + id, null);
                assertThat(device(c, DEVICE).get("outcome").asText()).as(c.toString()).isEqualTo("ok");
                assertThat(device(c, DEVICE).get("detail").asText()).isEqualTo("HTTP 200 after digest");
                assertThat(device(c, UNSEEN).get("outcome").asText()).isEqualTo("unreachable");
                assertThat(device(c, UNSEEN).get("detail").asText()).startsWith("never seen");
                assertThat(c.toString()).doesNotContain(ADMIN_PASSWORD);

                JsonNode after = c;
                end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (after.get("acknowledged").asInt() < 1 && System.nanoTime() < end) {
                    server.core().store().flush(); // until the device's resync after the push is stored
                    after = api(server, "/campaigns/" + id, null);
                }
                assertThat(after.get("acknowledged").asInt()).as("the device came back after the push").isEqualTo(1);

                long report = api(server, "/campaigns", "{\"action\":\"report\",\"target\":{\"mac\":\"" + DEVICE
                        + "\"},\"via\":\"http\"}").get("id").asLong();
                server.campaigns().whenDone(report).get(30, TimeUnit.SECONDS);
                assertThat(device(api(server, "/campaigns/" + report, null), DEVICE).get("detail").asText())
                        .isEqualTo("report has no HTTP form: use via sip");
            }
        }
    }
}
