package org.spaprov.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.profile.Profile;
import org.spaprov.profile.Setting;
import org.spaprov.profile.xml.XmlProfileWriter;
import org.spaprov.server.SpaprovServer;
import org.spaprov.server.pki.KeyKind;
import org.spaprov.server.site.SiteInit;
import org.spaprov.server.store.ReportTable.StoredReport;

/** {@code GET /api/v1/devices/{mac}/drift} over HTTP: the shape, 404 before a report, secrets masked. */
class DriftApiTest {
    private static final String TOKEN = "test-token-0123456789_abcdef";
    private static final String MAC = SiteInit.DEVICES.get(0)[0];
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    static Path tmp;
    static SpaprovServer server;

    @BeforeAll
    static void start() throws Exception {
        Path site = tmp.resolve("site");
        SiteInit.write(site, Clock.systemUTC(), KeyKind.EC_P256);
        server = SpaprovServer.start(site, SpaprovServer.Overrides.NONE.withDataDir(tmp.resolve("data"))
                .withBind("127.0.0.1").withPorts(-1, 0, -1, 0).withEnv(Map.of(AdminToken.ENV, TOKEN)), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> drift(String mac) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(server.admin().orElseThrow().baseUrl() + "/devices/" + mac
                + "/drift")).header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void driftOfTheLatestReportWithSecretsMasked() throws Exception {
        HttpResponse<String> none = drift(MAC);
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.body()).contains("no report from device " + MAC + " yet");

        var core = server.core();
        Profile intended = core.intendedProfile(core.store().device(MAC).orElseThrow());
        Profile.Builder reported = Profile.builder();
        for (Setting s : intended.statements()) {
            String v = switch (s.name()) {
                case "Resync_Periodic" -> "86400";
                case "Password_1_" -> "reported-secret-42";
                default -> s.value();
            };
            reported.set(s.name(), v);
        }
        core.store().reports().add(new StoredReport(MAC, core.clock().instant(), "http 127.0.0.1 report.xml",
                Optional.of(XmlProfileWriter.write(reported.build()).getBytes(StandardCharsets.UTF_8)),
                Optional.empty()), 10);

        HttpResponse<String> r = drift(MAC);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode j = new ObjectMapper().readTree(r.body());
        assertThat(j.get("mac").asText()).isEqualTo(MAC);
        assertThat(j.get("reportAt").asText()).endsWith("Z");
        assertThat(j.get("error").isNull()).isTrue();
        assertThat(j.get("drift")).hasSize(2);
        assertThat(j.get("drift").findValuesAsText("name")).containsExactlyInAnyOrder("Resync_Periodic", "Password_1_");
        JsonNode pw = j.get("drift").get(j.get("drift").get(0).get("name").asText().equals("Password_1_") ? 0 : 1);
        assertThat(pw.get("intended").asText()).isEqualTo("********");
        assertThat(pw.get("reported").asText()).isEqualTo("********");
        assertThat(r.body()).doesNotContain("reported-secret-42");
        String password = intended.value("Password_1_");
        if (password != null && !password.isEmpty()) {
            assertThat(r.body()).doesNotContain(password);
        }

        assertThat(drift("not-a-mac").statusCode()).isEqualTo(400);
    }
}
