package org.spaprov.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.server.net.StartGate;
import org.spaprov.server.pki.KeyKind;
import org.spaprov.server.site.SiteInit;

/**
 * The lifecycle owner on the example site of {@code spaprov site init}, whose {@code spaprov.yaml} names
 * ports 6969/8080/8443 while the server is told to pick free ones.
 */
class SpaprovServerTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String DEVICE = SiteInit.DEVICES.get(0)[0];

    @TempDir
    Path dir;

    private Path site() throws Exception {
        Path site = dir.resolve("site");
        SiteInit.write(site, Clock.systemUTC(), KeyKind.EC_P256);
        return site;
    }

    private static SpaprovServer.Overrides freePorts(Path dir) {
        return SpaprovServer.Overrides.NONE.withDataDir(dir.resolve("data")).withPorts(0, 0, 0, -1);
    }

    private static CompletableFuture<HttpResponse<String>> get(int port, String path) {
        return CLIENT.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void requestsThatRaceStartUpWaitAndNameTheBoundPortsNeverTheYamlOnes() throws Exception {
        CountDownLatch held = new CountDownLatch(2);
        StartGate gate = new StartGate(held::countDown);
        CompletableFuture<HttpResponse<String>>[] early = new CompletableFuture[2];
        // Between the binds and the chain: the requests reach the server and are held at the gate.
        try (SpaprovServer server = SpaprovServer.start(site(), freePorts(dir), Clock.systemUTC(), gate, net -> {
            int http = net.httpAddress().orElseThrow().getPort();
            early[0] = get(http, "/spa2102.cfg");
            early[1] = get(http, "/spa" + DEVICE + ".xml");
            try {
                assertThat(held.await(30, TimeUnit.SECONDS)).as("both requests reached the gate").isTrue();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            assertThat(early[0]).isNotDone();
        })) {
            int http = server.httpAddress().orElseThrow().getPort();
            int https = server.httpsAddress().orElseThrow().getPort();
            HttpResponse<String> bootstrap = early[0].get(30, TimeUnit.SECONDS);
            HttpResponse<String> profile = early[1].get(30, TimeUnit.SECONDS);
            assertThat(bootstrap.statusCode()).isEqualTo(200);
            assertThat(bootstrap.body()).contains("https://localhost:" + https + "/spa$MA.xml").doesNotContain(":8443");
            assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
            assertThat(profile.body())
                    .containsPattern("<Upgrade_Rule[^>]*>\\(\\$SWVER ne 5\\.2\\.12\\)\\? http://127\\.0\\.0\\.1:" + http
                            + "/firmware/spa2102-5\\.2\\.12\\.bin</Upgrade_Rule>")
                    .doesNotContain(":8080", ":8443");
            // What was built in the race is what a later request gets (the cache holds no yaml ports).
            assertThat(get(http, "/spa2102.cfg").get(30, TimeUnit.SECONDS).body()).isEqualTo(bootstrap.body());
        }
    }

    @Test
    void theListeningLinesNameEveryListenerAndTheAdminTokenFileNotTheToken() throws Exception {
        try (SpaprovServer server = SpaprovServer.start(site(), freePorts(dir).withPorts(0, 0, 0, 0),
                Clock.systemUTC())) {
            assertThat(server.listeningLines()).hasSize(4);
            assertThat(server.listeningLines().get(0)).isEqualTo("listening tftp 127.0.0.1:"
                    + server.tftpAddress().orElseThrow().getPort());
            String token = server.adminToken().orElseThrow().secret();
            assertThat(server.listeningLines().get(3)).startsWith("admin: http://127.0.0.1:")
                    .contains("token in " + dir.resolve("data"))
                    .doesNotContain(token);
        }
    }

    @Test
    void aFailedStartClosesWhatItHadBound() throws Exception {
        Path site = site();
        int[] bound = new int[1];
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            SpaprovServer.Overrides o = freePorts(dir).withPorts(0, 0, 0, taken.getLocalPort());
            assertThatThrownBy(() -> SpaprovServer.start(site, o, Clock.systemUTC(), new StartGate(),
                    net -> bound[0] = net.httpAddress().orElseThrow().getPort()))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("admin: cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
        assertThat(bound[0]).isPositive();
        assertThatThrownBy(() -> new Socket("127.0.0.1", bound[0]).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void listeningOnANonLoopbackAddressWithoutAPublicHostIsAStartUpErrorNamingTheSetting() throws Exception {
        Path site = site();
        // Refused before anything is bound: no test listens on 0.0.0.0.
        assertThatThrownBy(() -> SpaprovServer.start(site, freePorts(dir).withBind("0.0.0.0"), Clock.systemUTC()))
                .isInstanceOf(org.spaprov.server.site.SiteException.class)
                .hasMessage("spaprov.yaml: error: listen.public-host: required to listen on 0.0.0.0; set it to the"
                        + " name or address devices use to reach this server");
    }

    @Test
    void thePublicHostIsTheHostOfEveryGeneratedUrl() throws Exception {
        Path site = site();
        Path yaml = site.resolve("spaprov.yaml");
        java.nio.file.Files.writeString(yaml, java.nio.file.Files.readString(yaml)
                .replace("  # public-host: prov.example.net", "  public-host: prov.example.net"));
        try (SpaprovServer server = SpaprovServer.start(site, freePorts(dir), Clock.systemUTC())) {
            int http = server.httpAddress().orElseThrow().getPort();
            int https = server.httpsAddress().orElseThrow().getPort();
            assertThat(get(http, "/spa2102.cfg").get(30, TimeUnit.SECONDS).body())
                    .contains("https://prov.example.net:" + https + "/spa$MA.xml");
            assertThat(get(http, "/spa" + DEVICE + ".xml").get(30, TimeUnit.SECONDS).body())
                    .contains("https://prov.example.net:" + https + "/spa$MA.xml")
                    .contains("? http://prov.example.net:" + http + "/firmware/spa2102-5.2.12.bin</Upgrade_Rule>")
                    .doesNotContain("://localhost", "://127.0.0.1");
        }
    }

    @Test
    void aSiteThatIsNotADirectoryIsASiteError() {
        assertThatThrownBy(() -> SpaprovServer.start(dir.resolve("nothing"), freePorts(dir), Clock.systemUTC()))
                .isInstanceOf(org.spaprov.server.site.SiteException.class)
                .hasMessageContaining("not a directory");
    }
}
