package org.spaprov.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.server.SpaprovServer;
import org.spaprov.server.net.Proc;
import org.spaprov.server.pki.KeyKind;
import org.spaprov.server.provision.ServerCore;
import org.spaprov.server.site.SiteInit;

/**
 * The admin API over the example site ({@link SiteInit}) with the real data plane beside it, asked with
 * curl and the JDK HttpClient: the token rule, what a device looks like (no secrets), events after a
 * real profile fetch, limits and errors, and /metrics.
 */
class AdminServerTest {
    private static final String TOKEN = "test-token-0123456789_abcdef";
    private static final String PLAIN = SiteInit.DEVICES.get(0)[0];
    private static final String KEYED = SiteInit.DEVICES.get(1)[0];
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    static Path tmp;
    static ServerCore core;
    static SpaprovServer dataPlane;
    static AdminServer admin;

    @BeforeAll
    static void start() throws Exception {
        Path site = tmp.resolve("site");
        SiteInit.write(site, Clock.systemUTC(), KeyKind.EC_P256);
        dataPlane = SpaprovServer.start(site, SpaprovServer.Overrides.NONE.withDataDir(tmp.resolve("data"))
                .withBind("127.0.0.1").withPorts(-1, 0, -1, 0).withEnv(Map.of(AdminToken.ENV, TOKEN)),
                Clock.systemUTC());
        core = dataPlane.core();
        admin = dataPlane.admin().orElseThrow();
    }

    @AfterAll
    static void stop() {
        if (dataPlane != null) {
            dataPlane.close();
        }
    }

    private record Reply(int status, String body, HttpResponse<String> raw) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    private static Reply get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.address().getPort() + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).doesNotContain(TOKEN);
        return new Reply(r.statusCode(), r.body(), r);
    }

    private static Reply authed(String path) throws Exception {
        return get(path, "Authorization", "Bearer " + TOKEN);
    }

    /** curl, a client we did not write: the body, then the status code on the last line. */
    private static List<String> curl(String... args) throws Exception {
        Proc.assumeInstalled("/usr/bin/curl");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/curl", "-sS", "--max-time", "20", "-w", "\n%{http_code}"));
        cmd.addAll(List.of(args));
        Proc.Result r = Proc.run(cmd);
        assertThat(r.exit()).as(r.err()).isZero();
        return r.outText().lines().toList();
    }

    @Test
    void bindsTheAskedAddressOnAFreePort() {
        assertThat(admin.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(admin.address().getPort()).isPositive();
        assertThat(admin.baseUrl()).isEqualTo("http://127.0.0.1:" + admin.address().getPort() + "/api/v1");
    }

    @Test
    void healthNeedsNoToken() throws Exception {
        List<String> out = curl(admin.baseUrl() + "/health");
        assertThat(out).containsExactly("{\"status\":\"ok\"}", "200");
    }

    @Test
    void everyOtherRouteNeedsTheToken() throws Exception {
        for (String path : List.of("/api/v1/devices", "/api/v1/devices/" + PLAIN, "/api/v1/events", "/metrics")) {
            Reply none = get(path);
            assertThat(none.status()).as(path).isEqualTo(401);
            assertThat(none.json().get("error").asText()).as(path).contains("Bearer");
            assertThat(none.raw().headers().firstValue("www-authenticate")).as(path).hasValueSatisfying(
                    v -> assertThat(v).startsWith("Bearer"));
            Reply wrong = get(path, "Authorization", "Bearer " + TOKEN + "x");
            assertThat(wrong.status()).as(path).isEqualTo(401);
            assertThat(get(path, "Authorization", "Basic " + TOKEN).status()).as(path).isEqualTo(401);
            assertThat(get(path, "Authorization", "Bearer " + TOKEN.substring(1)).status()).as(path).isEqualTo(401);
        }
        List<String> out = curl("-H", "Authorization: Bearer not-the-token-at-all", admin.baseUrl() + "/devices");
        assertThat(out.getLast()).isEqualTo("401");
        assertThat(out.getFirst()).contains("\"status\":401").doesNotContain("000e08");
    }

    @Test
    void devicesListTheSiteWithoutKeysOrVarValues() throws Exception {
        List<String> out = curl("-H", "Authorization: Bearer " + TOKEN, admin.baseUrl() + "/devices");
        assertThat(out.getLast()).isEqualTo("200");
        String body = String.join("\n", out.subList(0, out.size() - 1));
        assertThat(body).doesNotContain(SiteInit.EXAMPLE_KEY, "pw-1001", "pw-1002", "pw-1003", "Reception", "Sales",
                "Lobby", "1001", "aes", "key\":");
        JsonNode devices = JSON.readTree(body).get("devices");
        assertThat(devices).hasSize(3);
        assertThat(devices.findValuesAsText("mac")).containsExactly(PLAIN, KEYED, SiteInit.DEVICES.get(2)[0]);
        JsonNode keyed = devices.get(1);
        assertThat(keyed.get("model").asText()).isEqualTo("spa2102");
        assertThat(keyed.get("serial").asText()).isEqualTo("FM500A000002");
        assertThat(keyed.get("groups").toString()).isEqualTo("[\"office\"]");
        assertThat(keyed.get("source").asText()).isEqualTo("site");
        assertThat(keyed.get("vars").toString()).isEqualTo("[\"sip_password\",\"sip_user\",\"station\"]");
        assertThat(keyed.get("keySet").asBoolean()).isTrue();
        assertThat(devices.get(0).get("keySet").asBoolean()).isFalse();
    }

    @Test
    void devicesComeInPagesAfterAMac() throws Exception {
        JsonNode first = authed("/api/v1/devices?limit=2").json();
        assertThat(first.get("devices").findValuesAsText("mac")).containsExactly(PLAIN, KEYED);
        assertThat(first.get("next").asText()).isEqualTo(KEYED);
        JsonNode second = authed("/api/v1/devices?limit=2&after=" + first.get("next").asText()).json();
        assertThat(second.get("devices").findValuesAsText("mac")).containsExactly(SiteInit.DEVICES.get(2)[0]);
        assertThat(second.get("next").isNull()).isTrue();
        // The cursor is any MAC, in any form devices.csv accepts; past the last there is nothing.
        assertThat(authed("/api/v1/devices?after=00:0E:08:AA:BB:01").json().get("devices").findValuesAsText("mac"))
                .doesNotContain(PLAIN).contains(KEYED);
        assertThat(authed("/api/v1/devices?after=ffffffffffff").json().get("devices")).isEmpty();
        Reply bad = authed("/api/v1/devices?after=nope");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").asText()).startsWith("after: not a MAC address");
        assertThat(authed("/api/v1/devices?limit=0").status()).isEqualTo(400);
    }

    @Test
    void oneDeviceWithItsEventsAfterARealFetch() throws Exception {
        HttpResponse<String> fetched = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + dataPlane.httpAddress().map(InetSocketAddress::getPort).orElseThrow() + "/spa" + PLAIN + ".xml"))
                .header("User-Agent", "Linksys/SPA-2102-5.1.10 (FM500A000001)").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(fetched.statusCode()).isEqualTo(200);
        core.store().flush();

        Reply one = authed("/api/v1/devices/" + PLAIN);
        assertThat(one.status()).isEqualTo(200);
        JsonNode device = one.json().get("device");
        assertThat(device.get("mac").asText()).isEqualTo(PLAIN);
        JsonNode contact = device.get("lastContact");
        assertThat(contact.get("protocol").asText()).isEqualTo("http");
        assertThat(contact.get("address").asText()).isEqualTo("127.0.0.1");
        assertThat(contact.get("userAgent").asText()).isEqualTo("Linksys/SPA-2102-5.1.10 (FM500A000001)");
        assertThat(contact.get("firmware").asText()).isEqualTo("5.1.10");
        assertThat(contact.get("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        JsonNode event = one.json().get("events").get(0);
        assertThat(event.get("mac").asText()).isEqualTo(PLAIN);
        assertThat(event.get("file").asText()).isEqualTo("/spa" + PLAIN + ".xml");
        assertThat(event.get("status").asInt()).isEqualTo(200);
        assertThat(event.get("bytes").asLong()).isEqualTo(fetched.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(event.get("reason").asText()).isNotBlank();
        // The colon form of a MAC names the same device.
        assertThat(authed("/api/v1/devices/00:0E:08:AA:BB:01").json().get("device").get("mac").asText()).isEqualTo(PLAIN);

        JsonNode events = authed("/api/v1/events?limit=1000").json().get("events");
        assertThat(events.findValuesAsText("file")).contains("/spa" + PLAIN + ".xml");
        // A device never heard from has no last contact.
        assertThat(authed("/api/v1/devices/" + SiteInit.DEVICES.get(2)[0]).json().get("device").get("lastContact").isNull())
                .isTrue();
    }

    @Test
    void unknownAndMalformedDevices() throws Exception {
        Reply unknown = authed("/api/v1/devices/000e08ffffff");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).isEqualTo("no device 000e08ffffff");
        assertThat(unknown.raw().headers().firstValue("content-type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
        Reply bad = authed("/api/v1/devices/not-a-mac");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("status").asInt()).isEqualTo(400);
        assertThat(bad.json().get("error").asText()).contains("not a MAC address", "not-a-mac");
        Reply route = authed("/api/v1/nothing-here");
        assertThat(route.status()).isEqualTo(404);
        assertThat(route.json().get("status").asInt()).isEqualTo(404);
    }

    @Test
    void eventLimitsAreCheckedAndApplied() throws Exception {
        for (String bad : List.of("0", "-1", "1001", "abc", "1e3", "", "99999999999")) {
            Reply r = authed("/api/v1/events?limit=" + bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().get("error").asText()).as(bad).startsWith("limit: expected a whole number 1..1000");
        }
        assertThat(authed("/api/v1/devices/" + PLAIN + "?limit=0").status()).isEqualTo(400);
        CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + dataPlane.httpAddress().map(InetSocketAddress::getPort).orElseThrow() + "/spa" + KEYED + ".xml"))
                .build(), HttpResponse.BodyHandlers.discarding());
        CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + dataPlane.httpAddress().map(InetSocketAddress::getPort).orElseThrow() + "/nothing.cfg"))
                .build(), HttpResponse.BodyHandlers.discarding());
        core.store().flush();
        assertThat(authed("/api/v1/events?limit=1").json().get("events")).hasSize(1);
        assertThat(authed("/api/v1/events").json().get("events").size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void metricsInPrometheusTextFormat() throws Exception {
        CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + dataPlane.httpAddress().map(InetSocketAddress::getPort).orElseThrow() + "/spa" + PLAIN + ".xml"))
                .build(), HttpResponse.BodyHandlers.discarding());
        core.store().flush();
        List<String> out = curl("-H", "Authorization: Bearer " + TOKEN, "-D", "-", "http://127.0.0.1:"
                + admin.address().getPort() + "/metrics");
        assertThat(out.getLast()).isEqualTo("200");
        assertThat(out).anySatisfy(l -> assertThat(l.toLowerCase(java.util.Locale.ROOT))
                .startsWith("content-type: text/plain; version=0.0.4"));
        assertThat(value(out, "spaprov_devices{source=\"site\"}")).isEqualTo(3);
        assertThat(value(out, "spaprov_devices{source=\"api\"}")).isZero();
        assertThat(value(out, "spaprov_events_written_total")).isPositive();
        assertThat(value(out, "spaprov_events_dropped_total")).isZero();
        assertThat(value(out, "spaprov_events_queued")).isGreaterThanOrEqualTo(0);
        assertThat(value(out, "spaprov_site_reload_failed")).isZero();
        // The data plane counts into the same registry: the profile fetch above, by protocol and status, timed.
        assertThat(value(out, "spaprov_requests_total{protocol=\"http\",status=\"200\"}")).isGreaterThanOrEqualTo(1);
        assertThat(value(out, "spaprov_request_duration_seconds_count{protocol=\"http\"}")).isGreaterThanOrEqualTo(1);
        assertThat(out).anySatisfy(l -> assertThat(l).startsWith("spaprov_request_duration_seconds_bucket{"));
        assertThat(value(out, "spaprov_profile_cache_total{result=\"miss\"}")).isGreaterThanOrEqualTo(1);
        assertThat(out).contains("# TYPE spaprov_tftp_transfers_total counter", "# TYPE spaprov_devices gauge");
        // Every sample line is "name{labels} value" and belongs to a family declared above it.
        List<String> declared = new ArrayList<>();
        int body = out.indexOf("") + 1;
        // The body ends in a newline, then curl adds "\n<code>": one empty line before the code.
        assertThat(out.get(out.size() - 2)).isEmpty();
        for (String l : out.subList(body, out.size() - 2)) {
            if (l.startsWith("# TYPE ")) {
                declared.add(l.split(" ")[2]);
            } else if (!l.startsWith("# HELP ")) {
                assertThat(l).matches("[a-z_]+(\\{[a-z_]+=\"[^\"]*\"(,[a-z_]+=\"[^\"]*\")*\\})? [-+0-9.E]+");
                String name = l.split("[{ ]")[0];
                assertThat(declared).anySatisfy(f -> assertThat(name).startsWith(f));
            }
        }
    }

    /** The value of the sample line that starts with {@code series} followed by a space. */
    private static double value(List<String> exposition, String series) {
        return exposition.stream().filter(l -> l.startsWith(series + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no sample " + series));
    }

    @Test
    void aTakenPortIsAnErrorNamingIt() throws Exception {
        int taken = admin.address().getPort();
        assertThatThrownBy(() -> AdminServer.start(new AdminConfig("127.0.0.1", taken, TOKEN), core))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("127.0.0.1:" + taken)
                .hasMessageNotContaining(TOKEN);
    }
}
