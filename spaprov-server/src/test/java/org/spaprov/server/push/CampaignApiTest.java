package org.spaprov.server.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.server.SpaprovServer;
import org.spaprov.server.admin.AdminToken;

/** The campaign routes' refusals: token, body, action, via, target, rate, unknown campaign. */
class CampaignApiTest {
    private static final String TOKEN = "push-api-token-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @TempDir
    static Path dir;
    static SpaprovServer server;

    @BeforeAll
    static void start() throws Exception {
        Path site = dir.resolve("site");
        Files.createDirectories(site);
        Files.writeString(site.resolve("spaprov.yaml"), "listen: {bind: 127.0.0.1}\n");
        Files.writeString(site.resolve("devices.csv"), "mac,model\n000e08aa0001,spa2102\n");
        server = SpaprovServer.start(site, SpaprovServer.Overrides.NONE.withDataDir(dir.resolve("data"))
                .withPorts(-1, 0, -1, 0).withEnv(Map.of(AdminToken.ENV, TOKEN)), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> call(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.admin().orElseThrow().baseUrl() + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.method(method, HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void startingACampaignNeedsTheToken() throws Exception {
        HttpResponse<String> r = call("POST", "/campaigns", "{\"action\":\"resync\",\"target\":{\"all\":true}}", null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(call("GET", "/campaigns/1", null, "wrong-token-0123456789").statusCode()).isEqualTo(401);
    }

    @Test
    void badRequestsAre400WithOneLine() throws Exception {
        Map<String, String> cases = Map.of(
                "not json", "body: not JSON",
                "{\"action\":\"wipe\",\"target\":{\"all\":true}}", "action: expected resync, check-sync, report or reboot",
                "{\"action\":\"resync\",\"target\":{\"all\":true},\"via\":\"smtp\"}", "via: expected sip or http",
                "{\"action\":\"resync\",\"target\":{\"all\":true},\"rate\":0}", "rate: expected a whole number",
                "{\"action\":\"resync\",\"target\":{\"mac\":\"zz\"}}", "target: not a MAC address: 'zz'",
                "{\"action\":\"resync\",\"target\":{\"mac\":\"000e08aa0001\",\"all\":true}}", "target: expected one of");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> r = call("POST", "/campaigns", c.getKey(), TOKEN);
            assertThat(r.statusCode()).as(c.getKey()).isEqualTo(400);
            assertThat(r.body()).as(c.getKey()).contains(c.getValue());
        }
    }

    @Test
    void aQuerySelectsByMacSerialModelOrGroup() {
        var all = java.util.List.of(
                new org.spaprov.server.device.DeviceRecord("000e08aa0001", "spa2102", java.util.Optional.of("FM500A01"),
                        java.util.List.of("office"), java.util.Optional.empty(), Map.of("sip_password", "office"),
                        org.spaprov.server.device.DeviceRecord.Source.SITE),
                new org.spaprov.server.device.DeviceRecord("000e08aa0002", "pap2t", java.util.Optional.empty(),
                        java.util.List.of(), java.util.Optional.empty(), Map.of("note", "fm500a"),
                        org.spaprov.server.device.DeviceRecord.Source.SITE));
        assertThat(new CampaignTarget.Query("fm500a").select(all)).extracting(d -> d.mac()).containsExactly("000e08aa0001");
        assertThat(new CampaignTarget.Query("00:0e:08:aa:00:02").select(all)).extracting(d -> d.mac())
                .containsExactly("000e08aa0002");
        assertThat(new CampaignTarget.Query("OFFICE").select(all)).as("groups, never variables").hasSize(1);
        assertThat(new CampaignTarget.Query("PAP2T").select(all)).extracting(d -> d.mac()).containsExactly("000e08aa0002");
    }

    @Test
    void anUnknownCampaignIs404() throws Exception {
        assertThat(call("GET", "/campaigns/999999", null, TOKEN).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/campaigns/abc", null, TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void aCampaignOfAGroupWithoutDevicesIsDoneWithNothingToDo() throws Exception {
        HttpResponse<String> r = call("POST", "/campaigns", "{\"action\":\"reboot\",\"target\":{\"group\":\"none\"}}", TOKEN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).contains("\"devices\":0");
        long id = Long.parseLong(r.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
        server.campaigns().whenDone(id).get(30, java.util.concurrent.TimeUnit.SECONDS);
        HttpResponse<String> g = call("GET", "/campaigns/" + id, null, TOKEN);
        assertThat(g.body()).contains("\"state\":\"done\"", "\"action\":\"reboot\"", "\"target\":\"group:none\"");
    }
}
