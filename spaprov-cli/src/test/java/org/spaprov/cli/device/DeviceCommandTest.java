package org.spaprov.cli.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.cli.CliRun;
import org.spaprov.server.SpaprovServer;
import org.spaprov.server.admin.AdminToken;
import org.spaprov.server.pki.KeyKind;
import org.spaprov.server.site.SiteInit;

/**
 * The operator commands ({@code spaprov device ...}, {@code spaprov events}, {@code spaprov admin token create})
 * against a real server's admin API: their lines, exit codes 0/1/2, the import's row errors, scopes, and
 * {@code events --follow} seeing a request made after it started.
 */
class DeviceCommandTest {
    private static final String TOKEN = "cli-test-token-0123456789abcdef";
    private static final String SITE_MAC = SiteInit.DEVICES.get(0)[0];

    @TempDir
    static Path tmp;
    static SpaprovServer server;
    static String url;
    static Path tokenFile;

    @BeforeAll
    static void start() throws Exception {
        Path site = tmp.resolve("site");
        SiteInit.write(site, Clock.systemUTC(), KeyKind.EC_P256);
        server = SpaprovServer.start(site, SpaprovServer.Overrides.NONE.withDataDir(tmp.resolve("data"))
                .withBind("127.0.0.1").withPorts(-1, 0, -1, 0).withEnv(Map.of(AdminToken.ENV, TOKEN)),
                Clock.systemUTC());
        url = "http://127.0.0.1:" + server.admin().orElseThrow().address().getPort();
        tokenFile = Files.writeString(tmp.resolve("token"), TOKEN + "\n");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--admin", url, "--token-file", tokenFile.toString()));
        CliRun r = CliRun.run(all.toArray(String[]::new));
        assertThat(r.out() + r.err()).doesNotContain(TOKEN);
        return r;
    }

    @Test
    void listShowAddAndRemove() throws Exception {
        CliRun list = run("device", "list");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out().lines()).anySatisfy(l -> assertThat(l).startsWith(SITE_MAC).contains(" site ", "office"));

        Path key = Files.writeString(tmp.resolve("bb10.key"), "Cli-Key-Secret-1\n");
        CliRun add = run("device", "add", "00:0e:08:aa:bb:10", "--model", "spa2102", "--group", "office",
                "--var", "station=Lab", "--key-file", key.toString());
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).startsWith("000e08aabb10  spa2102   api   office");

        CliRun again = run("device", "add", "000e08aabb10", "--model", "spa2102");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err().lines()).singleElement().satisfies(l -> assertThat(l).startsWith("spaprov: device "
                + "000e08aabb10 exists").endsWith("(HTTP 409)"));

        CliRun show = run("device", "show", "000e08aabb10");
        assertThat(show.code()).isZero();
        assertThat(show.out()).contains("source       api\n", "key          set\n", "vars         station\n",
                "last contact never\n").doesNotContain("Cli-Key-Secret-1");

        assertThat(run("device", "remove", "000e08aabb10").out()).isEqualTo("removed 000e08aabb10\n");
        CliRun gone = run("device", "show", "000e08aabb10");
        assertThat(gone.code()).isEqualTo(1);
        assertThat(gone.err()).isEqualTo("spaprov: no device 000e08aabb10 (HTTP 404)\n");
        CliRun site = run("device", "remove", SITE_MAC);
        assertThat(site.code()).isEqualTo(1);
        assertThat(site.err()).contains("devices.csv", "(HTTP 409)");

        assertThat(run("device", "show", "not-a-mac").code()).isEqualTo(1);
        assertThat(run("device", "add", "000e08aabb11").code()).as("--model missing").isEqualTo(2);
    }

    @Test
    void importRefusesTheWholeFileWithRowNumbersThenExportReadsBack() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.csv"), """
                mac,model,serial,groups,var.sip_password
                000e08aabb20,spa2102,S20,office,pw-hidden-20
                000e08aabb21,spa9999,S21,,
                000e08aabb22,spa2102,S22,nosuch,
                """);
        CliRun refused = run("device", "import", bad.toString());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err().lines()).containsExactly(
                bad + ":3: device 000e08aabb21: unknown model 'spa9999'",
                bad + ":4: device 000e08aabb22: group 'nosuch' has no layers/group/nosuch.xml",
                "spaprov: " + bad + ": 2 of 3 rows refused; nothing imported");
        assertThat(server.core().store().device("000e08aabb20")).isEmpty();

        Path good = Files.writeString(tmp.resolve("good.csv"), """
                mac,model,serial,groups,var.sip_password
                000e08aabb20,spa2102,S20,office,pw-hidden-20
                000e08aabb21,pap2t,S21,,
                """);
        CliRun ok = run("device", "import", good.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).isEqualTo("imported 2 devices (2 new, 0 replaced)\n");

        CliRun export = run("device", "export", "--source", "api");
        assertThat(export.code()).isZero();
        assertThat(export.out()).contains("000e08aabb20,spa2102,S20,office\n", "000e08aabb21,pap2t,S21,\n")
                .doesNotContain("pw-hidden-20", SITE_MAC);
        Path out = tmp.resolve("export.csv");
        assertThat(run("device", "export", "-o", out.toString()).code()).isZero();
        assertThat(Files.readString(out)).startsWith("mac,model,serial,groups\n").contains(SITE_MAC);
        CliRun back = run("device", "import", out.toString().replace("export.csv", "export.csv"));
        assertThat(back.code()).as("site devices cannot be imported over").isEqualTo(1);
        assertThat(back.err()).contains(":2: device " + SITE_MAC + " comes from the site's devices.csv");
    }

    @Test
    void aTokenWithoutTheScopeIsRefused() throws Exception {
        Path data = tmp.resolve("data");
        CliRun created = CliRun.run("admin", "token", "create", "--scopes", "read", "--name", "viewer", "--data",
                data.toString());
        assertThat(created.code()).as(created.err()).isZero();
        String readToken = created.out().strip();
        assertThat(readToken).matches("[A-Za-z0-9_-]{43}");
        assertThat(Files.readString(data.resolve("admin.tokens"))).doesNotContain(readToken).contains(" read viewer\n");
        assertThat(CliRun.run("admin", "token", "create", "--scopes", "read", "--name", "viewer", "--data",
                data.toString()).code()).as("name taken").isEqualTo(1);
        assertThat(CliRun.run("admin", "token", "create", "--scopes", "read,admin", "--name", "x", "--data",
                data.toString()).code()).as("unknown scope").isEqualTo(2);

        Path viewer = Files.writeString(tmp.resolve("viewer.token"), readToken);
        CliRun list = CliRun.run("device", "list", "--admin", url, "--token-file", viewer.toString());
        assertThat(list.code()).isZero();
        CliRun add = CliRun.run("device", "add", "000e08aabb30", "--model", "spa2102", "--admin", url, "--token-file",
                viewer.toString());
        assertThat(add.code()).isEqualTo(1);
        assertThat(add.err()).isEqualTo("spaprov: this token lacks the 'write' scope (HTTP 403)\n");
    }

    @Test
    void unreachableServerAndBadUrl() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            free = s.getLocalPort();
        }
        CliRun down = CliRun.run("device", "list", "--admin", "http://127.0.0.1:" + free, "--token-file",
                tokenFile.toString());
        assertThat(down.code()).isEqualTo(1);
        assertThat(down.err()).startsWith("spaprov: cannot reach the admin API at http://127.0.0.1:" + free);
        assertThat(CliRun.run("device", "list", "--admin", "ftp://x", "--token-file", tokenFile.toString()).code())
                .isEqualTo(2);
    }

    @Test
    void eventsOfADeviceAndFollowingNewOnes() throws Exception {
        String mac = SiteInit.DEVICES.get(2)[0];
        CompletableFuture<CliRun> follow = CompletableFuture.supplyAsync(() -> run("events", "--device", mac,
                "--follow", "--count", "1", "--interval", "PT0.05S"));
        // The follower counts only what is written after its first page, which it reads at a moment the test
        // cannot see: request until it has seen one (each request is a new event).
        CliRun followed = null;
        for (int i = 0; i < 600 && followed == null; i++) {
            assertThat(fetch(mac)).isEqualTo(200);
            try {
                followed = follow.get(100, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException notYet) {
                // the next request
            }
        }
        assertThat(followed).as("events --follow ended").isNotNull();
        assertThat(followed.code()).as(followed.err()).isZero();
        assertThat(followed.out().lines().toList().getLast()).contains(mac, "127.0.0.1", "http", "200",
                "/spa" + mac + ".xml");

        server.core().store().flush();
        CliRun events = run("events", "--device", mac, "--limit", "5");
        assertThat(events.code()).isZero();
        assertThat(events.out().lines()).isNotEmpty().allSatisfy(l -> assertThat(l).contains(mac));
        assertThat(run("events", "--count", "1").code()).as("--count without --follow").isEqualTo(2);
    }

    private static int fetch(String mac) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.httpAddress().map(InetSocketAddress::getPort).orElseThrow() + "/spa" + mac + ".xml")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void driftExitsOneUntilTheLatestReportMatches() throws Exception {
        String mac = SiteInit.DEVICES.get(1)[0]; // the keyed example device: its report is encrypted with its key
        CliRun none = run("device", "drift", mac);
        assertThat(none.code()).as("no report yet").isEqualTo(1);

        report(mac, "<flat-profile><Proxy_1_>drifted.example.org</Proxy_1_></flat-profile>");
        CliRun drifted = run("device", "drift", mac);
        assertThat(drifted.code()).as(drifted.out() + drifted.err()).isEqualTo(1);
        assertThat(drifted.out()).contains("Proxy_1_  intended='sip.example.net'  reported='drifted.example.org'")
                .contains("1 parameter(s) differ");

        report(mac, "<flat-profile><Proxy_1_>sip.example.net</Proxy_1_></flat-profile>");
        CliRun clean = run("device", "drift", mac);
        assertThat(clean.code()).as(clean.out() + clean.err()).isZero();
        assertThat(clean.out()).endsWith("no drift\n");
    }

    private static void report(String mac, String xml) throws Exception {
        byte[] sealed = org.spaprov.profile.codec.ProfileCodec.encode(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                false, SiteInit.EXAMPLE_KEY, org.spaprov.profile.codec.Digest.MD5);
        HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.httpAddress().orElseThrow().getPort() + "/report-" + mac + ".xml"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(sealed)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(r.statusCode()).isEqualTo(200);
        server.core().store().flush();
    }
}
