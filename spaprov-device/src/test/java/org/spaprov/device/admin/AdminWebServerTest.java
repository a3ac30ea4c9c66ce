package org.spaprov.device.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spaprov.device.peers.Peers.requirePeer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.device.report.ConfigReport;
import org.spaprov.device.sip.FakeDevice;

/** The admin endpoints driven by the real curl. */
class AdminWebServerTest {
    private static final Path CURL = Path.of("/usr/bin/curl");
    private static final FakeDevice device = new FakeDevice("000e08aabbcc");
    private static AdminWebServer server;

    @TempDir
    Path dir;

    /** Status and body of one curl call. */
    record Reply(int status, String body) {
    }

    @BeforeAll
    static void start() throws Exception {
        requirePeer(Files.isExecutable(CURL), "curl not installed");
        server = AdminWebServer.start(device, java.net.InetAddress.getLoopbackAddress(), 0,
                new ConfigReport(name -> name.startsWith("User_ID") ? "Ext_1/Subscriber_Information" : null,
                        name -> name.equals("Secret_Extra")), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @BeforeEach
    void reset() {
        device.reset();
    }

    @Test
    void resyncWithAndWithoutUrl() throws Exception {
        assertThat(curl("/admin/resync").status()).isEqualTo(200);
        assertThat(device.nextCall()).isEqualTo("resync - 127.0.0.1");
        assertThat(curl("/admin/resync?tftp://192.168.1.200/basic.txt").body()).contains("tftp://192.168.1.200/basic.txt");
        assertThat(device.nextCall()).isEqualTo("resync tftp://192.168.1.200/basic.txt 127.0.0.1");
        assertThat(curl("/admin/resync?/spa2102.cfg").status()).isEqualTo(200);
        assertThat(device.nextCall()).isEqualTo("resync 127.0.0.1/spa2102.cfg 127.0.0.1");
        assertThat(curl("/admin/resync?http%3A%2F%2Fprov.example.com%2Fspa.cfg").status()).isEqualTo(200);
        assertThat(device.nextCall()).isEqualTo("resync http://prov.example.com/spa.cfg 127.0.0.1");
    }

    @Test
    void upgradeNeedsAUrl() throws Exception {
        assertThat(curl("/admin/upgrade?http:///fw/spa2102-5.2.12.img").status()).isEqualTo(200);
        assertThat(device.nextCall()).isEqualTo("upgrade http://127.0.0.1/fw/spa2102-5.2.12.img 127.0.0.1");
        assertThat(curl("/upgrade?tftp://10.0.0.1/fw.img").status()).isEqualTo(200);
        assertThat(device.nextCall()).isEqualTo("upgrade tftp://10.0.0.1/fw.img 127.0.0.1");
        Reply r = curl("/admin/upgrade");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("upgrade needs a URL");
        assertThat(device.calls).isEmpty();
    }

    @Test
    void rebootAndUnknownPaths() throws Exception {
        assertThat(curl("/admin/reboot").status()).isEqualTo(200);
        assertThat(device.nextCall()).isEqualTo("reboot");
        assertThat(curl("/admin/nothing").status()).isEqualTo(404);
        assertThat(curl("/admin/reboot", "-X", "POST").status()).isEqualTo(405);
        assertThat(device.calls).isEmpty();
    }

    @Test
    void linesAreMadeBusyAndIdleByPost() throws Exception {
        Reply busy = curl("/admin/line/1/busy", "-X", "POST");
        assertThat(busy).isEqualTo(new Reply(200, "line 1 busy\n"));
        assertThat(device.nextCall()).isEqualTo("line 1 busy");
        assertThat(curl("/admin/line/2/idle", "-X", "POST").status()).isEqualTo(200);
        assertThat(device.nextCall()).isEqualTo("line 2 idle");
        assertThat(curl("/admin/line/1/busy").status()).as("GET changes nothing").isEqualTo(405);
        assertThat(curl("/admin/line/3/busy", "-X", "POST")).isEqualTo(new Reply(404, "no line 3 (lines are 1..2)\n"));
        assertThat(curl("/admin/line/1/ringing", "-X", "POST").status()).as("not a line endpoint").isEqualTo(405);
        device.set("Admin_Passwd", "adm1n-pw");
        assertThat(curl("/admin/line/1/busy", "-X", "POST").status()).isEqualTo(401);
        assertThat(device.calls).isEmpty();
        assertThat(curl("/admin/line/1/idle", "-X", "POST", "--digest", "-u", "admin:adm1n-pw").status()).isEqualTo(200);
        assertThat(device.nextCall()).isEqualTo("line 1 idle");
    }

    @Test
    void spacfgHasGroupsAndNoSecrets() throws Exception {
        device.set("GPP_SA", "TopSecretKey").set("License_Keys", "LIC-123456").set("Admin_Passwd", "")
                .set("GPP_A", "visible").set("Secret_Extra", "hidden-by-predicate");
        Reply r = curl("/admin/spacfg.xml");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).startsWith("<flat-profile>")
                .contains("<User_ID_1_ group=\"Ext_1/Subscriber_Information\">1001</User_ID_1_>")
                .contains("<GPP_A>visible</GPP_A>")
                .doesNotContain("GPP_SA").doesNotContain("TopSecretKey")
                .doesNotContain("License_Keys").doesNotContain("LIC-123456")
                .doesNotContain("Password_1_").doesNotContain("s3cret").doesNotContain("hidden-by-predicate");
    }

    @Test
    void adminPasswordGuardsEveryEndpoint() throws Exception {
        device.set("Admin_Passwd", "adm1n-pw");
        assertThat(curl("/admin/reboot").status()).isEqualTo(401);
        assertThat(curl("/admin/spacfg.xml").status()).isEqualTo(401);
        assertThat(curl("/admin/reboot", "--digest", "-u", "admin:wrong").status()).isEqualTo(401);
        assertThat(curl("/admin/reboot", "--basic", "-u", "admin:wrong").status()).isEqualTo(401);
        assertThat(curl("/admin/reboot", "--digest", "-u", "root:adm1n-pw").status()).isEqualTo(401);
        assertThat(device.calls).isEmpty();

        assertThat(curl("/admin/reboot", "--digest", "-u", "admin:adm1n-pw").status()).isEqualTo(200);
        assertThat(device.nextCall()).isEqualTo("reboot");
        assertThat(curl("/admin/resync?/x.cfg", "--basic", "-u", "admin:adm1n-pw").status()).isEqualTo(200);
        assertThat(device.nextCall()).isEqualTo("resync 127.0.0.1/x.cfg 127.0.0.1");
        assertThat(curl("/admin/spacfg.xml", "--anyauth", "-u", "admin:adm1n-pw").body())
                .contains("<User_ID_1_").doesNotContain("adm1n-pw");
    }

    @Test
    void stopIsIdempotentAndFreesThePort() throws Exception {
        AdminWebServer other = AdminWebServer.start(device, 0);
        int port = other.port();
        other.stop();
        other.close();
        try (java.net.ServerSocket s = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(s.getLocalPort()).isEqualTo(port);
        }
    }

    private Reply curl(String pathAndQuery, String... extra) throws Exception {
        Path body = Files.createTempFile(dir, "body", ".txt");
        List<String> cmd = new ArrayList<>(List.of(CURL.toString(), "-sS", "-g", "--path-as-is", "--max-time", "20",
                "-o", body.toString(), "-w", "%{http_code}"));
        cmd.addAll(List.of(extra));
        cmd.add("http://127.0.0.1:" + server.port() + pathAndQuery);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("curl: %s", out).isZero();
        return new Reply(Integer.parseInt(out.strip()), Files.readString(body));
    }
}
