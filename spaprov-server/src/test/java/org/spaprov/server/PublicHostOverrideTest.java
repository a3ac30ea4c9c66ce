package org.spaprov.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.server.config.ServerConfig;
import org.spaprov.server.pki.KeyKind;
import org.spaprov.server.site.SiteInit;

/** {@code serve --public-host} over {@code listen.public-host}, and command-line overrides that keep it. */
class PublicHostOverrideTest {
    @TempDir
    Path dir;

    @Test
    void theOverrideNamesTheServerInEveryGeneratedUrlAndSurvivesAReload() throws Exception {
        Path site = dir.resolve("site");
        SiteInit.write(site, Clock.systemUTC(), KeyKind.EC_P256,
                new SiteInit.Addresses(java.util.List.of("prov.example.net"), java.util.List.of()));
        SpaprovServer.Overrides o = SpaprovServer.Overrides.NONE.withDataDir(dir.resolve("data"))
                .withPorts(0, 0, 0, -1).withPublicHost("prov.override.test");
        try (SpaprovServer server = SpaprovServer.start(site, o, Clock.systemUTC())) {
            int http = server.httpAddress().orElseThrow().getPort();
            int https = server.httpsAddress().orElseThrow().getPort();
            String device = SiteInit.DEVICES.get(0)[0];
            assertThat(get(http, "/spa" + device + ".xml"))
                    .contains("https://prov.override.test:" + https + "/spa$MA.xml")
                    .contains("http://prov.override.test:" + http + "/firmware/spa2102-5.2.12.bin")
                    .doesNotContain("prov.example.net");
            // A changed site is reloaded with the override still applied.
            Path yaml = site.resolve("spaprov.yaml");
            Files.writeString(yaml, Files.readString(yaml).replace("window: 60s", "window: 61s"));
            assertThat(server.core().reloadNow()).isTrue();
            assertThat(server.core().site().config().throttle().window().getSeconds()).isEqualTo(61);
            assertThat(server.core().site().config().listen().publicHost()).contains("prov.override.test");
            assertThat(get(http, "/spa2102.cfg")).contains("https://prov.override.test:" + https + "/");
        }
    }

    @Test
    void overridingTheBindOrPortsKeepsThePublicHostOfTheYaml() {
        ServerConfig.Listen yaml = new ServerConfig.Listen("0.0.0.0", 69, 80, 443, -1, Optional.of("prov.example.net"));
        ServerConfig.Listen l = SpaprovServer.Overrides.NONE.withBind("192.0.2.10").withPorts(0, 0, 0, -1)
                .applyTo(yaml);
        assertThat(l.bind()).isEqualTo("192.0.2.10");
        assertThat(l.publicHost()).contains("prov.example.net");
        assertThat(SpaprovServer.Overrides.NONE.withPublicHost("other.example.net").applyTo(yaml).publicHost())
                .contains("other.example.net");
    }

    private static String get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
