package org.spaprov.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.server.SpaprovServer;
import org.spaprov.server.device.DeviceRecord;
import org.spaprov.server.net.Proc;
import org.spaprov.server.pki.KeyKind;
import org.spaprov.server.site.SiteInit;

/**
 * The write side of the admin API against a real {@link SpaprovServer} over the example site: device CRUD
 * (API devices served by the data plane, site devices read-only), secrets write-only and sealed at rest, the
 * CSV import's row errors (all-or-nothing) and the export, token scopes (403), event paging, and the OpenAPI
 * document against the routes Javalin registered, both ways. Clients: the JDK HttpClient and curl.
 */
class AdminWriteApiTest {
    private static final String TOKEN = "test-token-0123456789_abcdef";
    private static final String SITE_MAC = SiteInit.DEVICES.get(0)[0];
    private static final String KEY = "Api-Key-Secret-77";
    private static final String PASSWORD = "pw-secret-4242";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    static Path tmp;
    static SpaprovServer server;
    static AdminServer admin;

    @BeforeAll
    static void start() throws Exception {
        Path site = tmp.resolve("site");
        SiteInit.write(site, Clock.systemUTC(), KeyKind.EC_P256);
        server = SpaprovServer.start(site, SpaprovServer.Overrides.NONE.withDataDir(tmp.resolve("data"))
                .withBind("127.0.0.1").withPorts(-1, 0, -1, 0).withEnv(Map.of(AdminToken.ENV, TOKEN)),
                Clock.systemUTC());
        admin = server.admin().orElseThrow();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private record Reply(int status, String body) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    private static Reply send(String method, String path, String token, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.address().getPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).doesNotContain(KEY, PASSWORD, TOKEN);
        return new Reply(r.statusCode(), r.body());
    }

    private static Reply json(String method, String path, String body) throws Exception {
        return send(method, path, TOKEN, "application/json", body);
    }

    private static int fetchProfile(String mac) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.httpAddress().map(InetSocketAddress::getPort).orElseThrow() + "/spa" + mac + ".xml")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void addShowReplaceAndRemoveAnApiDevice() throws Exception {
        String mac = "000e08cc0001";
        Reply added = json("POST", "/api/v1/devices", "{\"mac\":\"00:0E:08:CC:00:01\",\"model\":\"spa2102\","
                + "\"serial\":\"FMAPI1\",\"groups\":[\"office\"],\"key\":\"" + KEY + "\",\"vars\":{\"sip_password\":\""
                + PASSWORD + "\",\"sip_user\":\"2001\"}}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("source").asText()).isEqualTo("api");
        assertThat(added.json().get("keySet").asBoolean()).isTrue();
        assertThat(added.json().get("vars").toString()).isEqualTo("[\"sip_password\",\"sip_user\"]");
        String plain = "000e08cc0009";
        assertThat(fetchProfile(plain)).as("unknown yet").isNotEqualTo(200);
        assertThat(json("POST", "/api/v1/devices", "{\"mac\":\"" + plain + "\",\"model\":\"spa2102\","
                + "\"groups\":[\"office\"],\"vars\":{\"station\":\"Lab\",\"sip_user\":\"3001\",\"sip_password\":\"pw\"}}")
                .status()).isEqualTo(201);
        assertThat(fetchProfile(plain)).as("the data plane serves an API device").isEqualTo(200);
        assertThat(send("DELETE", "/api/v1/devices/" + plain, TOKEN, null, null).status()).isEqualTo(204);
        assertThat(fetchProfile(plain)).as("removed").isNotEqualTo(200);

        assertThat(json("POST", "/api/v1/devices", "{\"mac\":\"" + mac + "\",\"model\":\"spa2102\"}").status())
                .as("POST of a known MAC").isEqualTo(409);

        // PUT without key or vars keeps them (they are write-only: a client cannot send back what it never saw).
        Reply replaced = json("PUT", "/api/v1/devices/" + mac, "{\"model\":\"spa2102\",\"serial\":\"FMAPI2\"}");
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("serial").asText()).isEqualTo("FMAPI2");
        assertThat(replaced.json().get("groups")).isEmpty();
        DeviceRecord stored = server.core().store().device(mac).orElseThrow();
        assertThat(stored.key()).contains(KEY);
        assertThat(stored.vars()).containsEntry("sip_password", PASSWORD);
        assertThat(json("PUT", "/api/v1/devices/" + mac, "{\"model\":\"spa2102\",\"key\":\"\",\"vars\":{}}").json()
                .get("keySet").asBoolean()).isFalse();

        Reply shown = send("GET", "/api/v1/devices/" + mac, TOKEN, null, null);
        assertThat(shown.json().get("device").get("source").asText()).isEqualTo("api");

        assertThat(send("DELETE", "/api/v1/devices/" + mac, TOKEN, null, null).status()).isEqualTo(204);
        assertThat(send("GET", "/api/v1/devices/" + mac, TOKEN, null, null).status()).isEqualTo(404);
        assertThat(send("DELETE", "/api/v1/devices/" + mac, TOKEN, null, null).status()).isEqualTo(404);
    }

    @Test
    void secretsAreSealedAtRest() throws Exception {
        String mac = "000e08cc0002";
        assertThat(json("PUT", "/api/v1/devices/" + mac, "{\"model\":\"spa2102\",\"key\":\"" + KEY
                + "\",\"vars\":{\"sip_password\":\"" + PASSWORD + "\"}}").status()).isEqualTo(201);
        List<String> row = server.core().store().jdbi().withHandle(h -> h.createQuery(
                "SELECT d.vars_json, k.aes_key FROM devices d JOIN device_keys k ON k.mac = d.mac WHERE d.mac = :m")
                .bind("m", mac).map((rs, c) -> rs.getString(1) + " " + rs.getString(2)).list());
        assertThat(row).singleElement().satisfies(r -> assertThat(r).doesNotContain(KEY, PASSWORD));
        assertThat(send("GET", "/api/v1/devices:export", TOKEN, null, null).body()).contains(mac);
    }

    @Test
    void siteDevicesAreReadOnlyAndBadInputIsOneLine() throws Exception {
        for (Reply r : List.of(json("PUT", "/api/v1/devices/" + SITE_MAC, "{\"model\":\"spa2102\"}"),
                send("DELETE", "/api/v1/devices/" + SITE_MAC, TOKEN, null, null),
                json("POST", "/api/v1/devices", "{\"mac\":\"" + SITE_MAC + "\",\"model\":\"spa2102\"}"))) {
            assertThat(r.status()).as(r.body()).isEqualTo(409);
        }
        assertThat(json("PUT", "/api/v1/devices/" + SITE_MAC, "{\"model\":\"spa2102\"}").json().get("error").asText())
                .contains("devices.csv");
        assertThat(server.core().store().device(SITE_MAC).orElseThrow().source()).isEqualTo(DeviceRecord.Source.SITE);

        Map<String, String> bad = Map.of(
                "{\"mac\":\"000e08cc0003\",\"model\":\"spa9999\"}", "unknown model 'spa9999'",
                "{\"mac\":\"000e08cc0003\",\"model\":\"spa2102\",\"groups\":[\"nosuch\"]}", "group 'nosuch'",
                "{\"mac\":\"nope\",\"model\":\"spa2102\"}", "not a MAC address",
                "{\"mac\":\"000e08cc0003\",\"model\":\"spa2102\",\"colour\":1}", "unknown field 'colour'",
                "{\"mac\":\"000e08cc0003\",\"key\":\"" + KEY + "\",", "not a device JSON object");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            Reply r = json("POST", "/api/v1/devices", e.getKey());
            assertThat(r.status()).as(e.getKey()).isEqualTo(400);
            assertThat(r.json().get("error").asText()).as(e.getKey()).contains(e.getValue()).doesNotContain("\n");
        }
        assertThat(server.core().store().device("000e08cc0003")).isEmpty();
    }

    @Test
    void importIsAllOrNothingWithRowNumbers() throws Exception {
        Path csv = tmp.resolve("import.csv");
        Files.writeString(csv, """
                mac,model,serial,groups,key,var.sip_password
                000e08dd0001,spa2102,S1,office,%s,%s
                # a comment line keeps the numbering of the file
                000e08dd0002,spa9999,S2,,,
                %s,spa2102,,,,
                000e08dd0001,pap2t,,,,
                000e08dd0003,spa2102,S3,nosuch,,
                """.formatted(KEY, PASSWORD, SITE_MAC));
        List<String> out = curl("-X", "POST", "-H", "Authorization: Bearer " + TOKEN, "-H", "Content-Type: text/csv",
                "--data-binary", "@" + csv, admin.baseUrl() + "/devices:import");
        assertThat(out.getLast()).isEqualTo("400");
        JsonNode refused = JSON.readTree(out.getFirst());
        assertThat(refused.get("error").asText()).isEqualTo("4 of 5 rows refused; nothing imported");
        List<String> rows = new ArrayList<>();
        refused.get("rows").forEach(r -> rows.add(r.get("line").asInt() + " " + r.get("error").asText()));
        assertThat(rows).containsExactly(
                "4 device 000e08dd0002: unknown model 'spa9999'",
                "5 device " + SITE_MAC + " comes from the site's devices.csv (read-only through the API)",
                "6 device 000e08dd0001 is listed twice",
                "7 device 000e08dd0003: group 'nosuch' has no layers/group/nosuch.xml");
        assertThat(out.getFirst()).doesNotContain(KEY, PASSWORD);
        assertThat(server.core().store().device("000e08dd0001")).as("nothing imported").isEmpty();

        Reply ok = send("POST", "/api/v1/devices:import", TOKEN, "text/csv",
                "mac,model,serial,groups,key,var.sip_password\n000e08dd0001,spa2102,S1,office," + KEY + "," + PASSWORD
                        + "\n000e08dd0002,pap2t,\"S,2\",,,\n");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("imported").asInt()).isEqualTo(2);
        assertThat(server.core().store().device("000e08dd0001").orElseThrow().key()).contains(KEY);

        Reply export = send("GET", "/api/v1/devices:export?source=api", TOKEN, null, null);
        assertThat(export.body()).startsWith("mac,model,serial,groups\n")
                .contains("000e08dd0001,spa2102,S1,office\n", "000e08dd0002,pap2t,\"S,2\",\n")
                .doesNotContain(SITE_MAC);
        assertThat(send("GET", "/api/v1/devices:export", TOKEN, null, null).body()).contains(SITE_MAC + ",spa2102");
        // The export reads back: importing it again replaces, keeping the keys it does not carry.
        Reply again = send("POST", "/api/v1/devices:import", TOKEN, "text/csv", export.body());
        assertThat(again.json().get("replaced").asInt()).isEqualTo(again.json().get("imported").asInt());
        assertThat(server.core().store().device("000e08dd0001").orElseThrow().key()).contains(KEY);
    }

    @Test
    void scopesAreEnforcedPerRoute() throws Exception {
        AdminTokens tokens = new AdminTokens(server.core().dataDir());
        String read = tokens.create(EnumSet.of(Scope.READ), "reader", new SecureRandom());
        String write = tokens.create(EnumSet.of(Scope.WRITE), "writer", new SecureRandom());
        String push = tokens.create(EnumSet.of(Scope.PUSH, Scope.READ), "ops", new SecureRandom());
        assertThat(Files.readString(server.core().dataDir().resolve(AdminTokens.FILE_NAME))).doesNotContain(read, write)
                .contains(" read reader\n", " write writer\n", " read,push ops\n");

        assertThat(send("GET", "/api/v1/devices", read, null, null).status()).isEqualTo(200);
        Reply denied = send("POST", "/api/v1/devices", read, "application/json", "{\"mac\":\"000e08ee0001\",\"model\":\"spa2102\"}");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().get("error").asText()).isEqualTo("this token lacks the 'write' scope");
        assertThat(send("GET", "/api/v1/devices", write, null, null).status()).isEqualTo(403);
        assertThat(send("GET", "/metrics", write, null, null).status()).isEqualTo(403);
        assertThat(send("PUT", "/api/v1/devices/000e08ee0001", write, "application/json", "{\"model\":\"spa2102\"}")
                .status()).isEqualTo(201);
        assertThat(send("DELETE", "/api/v1/devices/000e08ee0001", push, null, null).status()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/events", push, null, null).status()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/devices", "not-a-token-of-ours-xyz", null, null).status()).isEqualTo(401);
        assertThat(send("GET", "/api/v1/openapi.json", null, null, null).status()).isEqualTo(200);

        List<String> out = curl("-X", "DELETE", "-H", "Authorization: Bearer " + read,
                admin.baseUrl() + "/devices/000e08ee0001");
        assertThat(out).containsExactly("{\"status\":403,\"error\":\"this token lacks the 'write' scope\"}", "403");

        // Deleting its line revokes a token, without a restart.
        Path file = server.core().dataDir().resolve(AdminTokens.FILE_NAME);
        Files.write(file, Files.readAllLines(file).stream().filter(l -> !l.endsWith(" reader")).toList());
        assertThat(send("GET", "/api/v1/devices", read, null, null).status()).isEqualTo(401);
        assertThat(send("GET", "/api/v1/events", push, null, null).status()).isEqualTo(200);
    }

    @Test
    void eventsPageAfterAnId() throws Exception {
        assertThat(fetchProfile(SITE_MAC)).isEqualTo(200);
        assertThat(fetchProfile(SITE_MAC)).isEqualTo(200);
        server.core().store().flush();
        JsonNode newest = send("GET", "/api/v1/events?device=" + SITE_MAC + "&limit=2", TOKEN, null, null).json()
                .get("events");
        long last = newest.get(0).get("id").asLong();
        long before = newest.get(1).get("id").asLong();
        assertThat(last).isGreaterThan(before);
        JsonNode after = send("GET", "/api/v1/events?device=" + SITE_MAC + "&after=" + before, TOKEN, null, null).json()
                .get("events");
        assertThat(after.findValues("id")).extracting(JsonNode::asLong).containsExactly(last);
        assertThat(send("GET", "/api/v1/events?after=" + last + "&device=" + SITE_MAC, TOKEN, null, null).json()
                .get("events")).isEmpty();
        assertThat(send("GET", "/api/v1/events?after=x", TOKEN, null, null).status()).isEqualTo(400);
    }

    @Test
    void theOpenApiDocumentListsExactlyTheDeclaredRoutes() throws Exception {
        JsonNode doc = JSON.readTree(send("GET", "/api/v1/openapi.json", null, null, null).body());
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        Set<String> documented = new TreeSet<>();
        Set<String> scopes = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> p = doc.get("paths").fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> path = p.next();
            path.getValue().fieldNames().forEachRemaining(m -> {
                if (!m.equals("parameters")) {
                    documented.add(m.toUpperCase() + " " + path.getKey());
                    scopes.add(m.toUpperCase() + " " + path.getKey() + " "
                            + path.getValue().get(m).path("x-spaprov-scope").asText("missing"));
                }
            });
        }
        Set<String> declared = new TreeSet<>();
        Set<String> declaredScopes = new TreeSet<>();
        for (AdminServer.Route r : admin.routes()) {
            declared.add(r.method() + " " + r.path());
            declaredScopes.add(r.method() + " " + r.path() + " " + r.access().stream()
                    .map(a -> a.scope().map(Scope::wire).orElse("public")).sorted().reduce((a, b) -> a + "|" + b)
                    .orElse("read"));
        }
        assertThat(declared).contains("GET /api/v1/health", "POST /api/v1/devices:import");
        assertThat(documented).as("OpenAPI paths vs routes").isEqualTo(declared);
        assertThat(scopes).as("x-spaprov-scope vs the routes' access").isEqualTo(declaredScopes);
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
}
