package org.spaprov.server.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spaprov.server.net.Proc.requirePeer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.server.SpaprovServer;
import org.spaprov.server.pki.KeyKind;
import org.spaprov.server.site.SiteInit;

/**
 * The example site ({@code spaprov site init}) behind the real transports on loopback, fetched with
 * curl (HTTP, HTTPS with the device certificates, tftp://) and decoded with openssl and gunzip.
 */
class EndToEndCurlTest {
    private static final String CURL = "/usr/bin/curl";

    @TempDir
    Path tmp;

    private static byte[] run(List<String> cmd, byte[] stdin) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var in = p.getOutputStream()) {
            in.write(stdin);
        }
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd)).isZero();
        return out;
    }

    private static String curl(String... args) throws Exception {
        List<String> c = new ArrayList<>(List.of(CURL, "-s", "--noproxy", "*"));
        c.addAll(List.of(args));
        return new String(run(c, new byte[0]), StandardCharsets.UTF_8);
    }

    @Test
    void exampleSiteOverCurl() throws Exception {
        requirePeer(Files.isExecutable(Path.of(CURL)), "curl missing");
        requirePeer(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl missing");
        Path site = tmp.resolve("site");
        SiteInit.write(site, Clock.systemUTC(), KeyKind.RSA_2048);
        try (SpaprovServer server = SpaprovServer.start(site, SpaprovServer.Overrides.NONE.withDataDir(tmp.resolve("data"))
                .withBind("127.0.0.1").withPorts(0, 0, 0, -1), Clock.systemUTC())) {
            ServerCore core = server.core();
            {
                int http = server.httpAddress().orElseThrow().getPort();
                int https = server.httpsAddress().orElseThrow().getPort();
                int tftp = server.tftpAddress().orElseThrow().getPort();
                String pki = site.resolve("pki").toString();
                String a = "000e08aabb01";
                String b = "000e08aabb02";

                // HTTPS with the device's own certificate: its plain profile.
                String own = curl("--cacert", pki + "/ca.crt", "--cert", pki + "/devices/" + a + ".crt", "--key",
                        pki + "/devices/" + a + ".key", "https://localhost:" + https + "/spa" + a + ".xml");
                assertThat(own).contains("<flat-profile>").containsPattern("<Display_Name_1_[^>]*>Reception</Display_Name_1_>")
                        .containsPattern("<Upgrade_Rule[^>]*>\\(\\$SWVER ne 5\\.2\\.12\\)\\? http://127\\.0\\.0\\.1:" + http + "/firmware/");
                // The same certificate asking for another device: 403.
                assertThat(curl("-o", "/dev/null", "-w", "%{http_code}", "--cacert", pki + "/ca.crt", "--cert",
                        pki + "/devices/" + a + ".crt", "--key", pki + "/devices/" + a + ".key",
                        "https://localhost:" + https + "/spa" + b + ".xml")).isEqualTo("403");
                // Issue 9 row 1: HTTPS without a certificate (client-certs: optional) is plain HTTP: no key, no password.
                String anonymous = curl("--cacert", pki + "/ca.crt", "https://localhost:" + https + "/spa" + b + ".xml");
                assertThat(anonymous).containsPattern("<Display_Name_1_[^>]*>Sales</Display_Name_1_>")
                        .doesNotContain(SiteInit.EXAMPLE_KEY).doesNotContain("pw-1002").doesNotContain("<GPP_SA");
                String withCert = curl("--cacert", pki + "/ca.crt", "--cert", pki + "/devices/" + b + ".crt", "--key",
                        pki + "/devices/" + b + ".key", "https://localhost:" + https + "/spa" + b + ".xml");
                assertThat(withCert).contains(">" + SiteInit.EXAMPLE_KEY + "<").contains("pw-1002-change-me");
                // Row 2: an anonymous report upload changes nothing; one encrypted with the device's key is stored.
                assertThat(curl("-o", "/dev/null", "-w", "%{http_code}", "--data", "x",
                        "http://127.0.0.1:" + http + "/report-" + b + ".xml")).isEqualTo("403");
                assertThat(core.config().reportFolder().resolve("report-" + b + ".xml")).doesNotExist();
                Path rep = tmp.resolve("rep.enc");
                Files.write(rep, run(List.of("openssl", "enc", "-aes-256-cbc", "-md", "md5", "-k", SiteInit.EXAMPLE_KEY),
                        "<flat-profile><Station_Name>b</Station_Name></flat-profile>".getBytes(StandardCharsets.UTF_8)));
                assertThat(curl("-o", "/dev/null", "-w", "%{http_code}", "--data-binary", "@" + rep,
                        "http://127.0.0.1:" + http + "/report-" + b + ".xml")).isEqualTo("200");
                assertThat(core.config().reportFolder().resolve("report-" + b + ".xml")).content()
                        .contains("<Station_Name>b</Station_Name>");
                // The keyed device over plain HTTP: gzip + AES that openssl and gunzip undo.
                byte[] enc = run(List.of(CURL, "-s", "--noproxy", "*", "http://127.0.0.1:" + http + "/spa" + b + ".cfg"),
                        new byte[0]);
                byte[] gz = run(List.of("openssl", "enc", "-d", "-aes-256-cbc", "-md", "md5", "-k", SiteInit.EXAMPLE_KEY), enc);
                String xml = new String(run(List.of("gunzip", "-c"), gz), StandardCharsets.UTF_8);
                assertThat(xml).containsPattern("<Display_Name_1_[^>]*>Sales</Display_Name_1_>");
                // Bootstrap over TFTP, and the encrypted profile over TFTP with a large block size.
                assertThat(curl("tftp://127.0.0.1:" + tftp + "/spa2102.cfg")).contains("https://localhost:" + https + "/spa$MA.xml");
                byte[] viaTftp = run(List.of(CURL, "-s", "--tftp-blksize", "1428",
                        "tftp://127.0.0.1:" + tftp + "/spa" + b + ".cfg"), new byte[0]);
                assertThat(new String(run(List.of("gunzip", "-c"), run(List.of("openssl", "enc", "-d", "-aes-256-cbc",
                        "-md", "md5", "-k", SiteInit.EXAMPLE_KEY), viaTftp)), StandardCharsets.UTF_8))
                        .containsPattern("<Display_Name_1_[^>]*>Sales</Display_Name_1_>");
                // Firmware over HTTP, and a sweep of unknown names gets 404s.
                assertThat(curl("-o", "/dev/null", "-w", "%{http_code}",
                        "http://127.0.0.1:" + http + "/firmware/spa2102-5.2.12.bin")).isEqualTo("200");
                assertThat(curl("-o", "/dev/null", "-w", "%{http_code}",
                        "http://127.0.0.1:" + http + "/spa0000000000ff.cfg")).isEqualTo("404");
                core.store().flush();
                assertThat(core.store().lastContact(a)).get().extracting(c -> c.protocol()).isEqualTo("https");
            }
        }
    }
}
