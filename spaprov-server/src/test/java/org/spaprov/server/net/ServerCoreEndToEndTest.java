package org.spaprov.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.server.SpaprovServer;

/**
 * The real provisioning chain behind the transports ({@link SpaprovServer}), on 127.0.0.1, with
 * curl, openssl and gunzip as the devices: encrypted and gzipped profiles, client certificates, hostile
 * requests, and a MAC sweep throttled while other clients keep being served.
 */
class ServerCoreEndToEndTest {
    private static final String KEYED = "000e08aaaaaa";
    private static final String PLAIN = "000e08bbbbbb";
    private static final String KEY = "SecretPhrase1234";
    @TempDir
    static Path site;
    static TestPki pki;
    static SpaprovServer server;

    @BeforeAll
    static void start() throws Exception {
        pki = TestPki.create(site.resolve("pki"));
        pki.device(KEYED);
        pki.device(PLAIN);
        Files.writeString(site.resolve("spaprov.yaml"), """
                listen: {bind: 127.0.0.1, tftp: 0, http: 0, https: 0}
                tls: {client-certs: optional}
                throttle: {window: 60s, limit: 5}
                profiles: {gzip: true}
                """);
        Files.createDirectories(site.resolve("layers"));
        Files.writeString(site.resolve("layers/global.xml"),
                "<flat-profile>\n  <Proxy_1_>sip.example.com</Proxy_1_>\n</flat-profile>\n");
        Files.writeString(site.resolve("devices.csv"), "mac,model,serial,groups,key\n"
                + KEYED + ",spa2102,SN1,," + KEY + "\n" + PLAIN + ",spa2102,SN2,,\n");
        server = SpaprovServer.start(site, SpaprovServer.Overrides.NONE.withDataDir(site.resolve(".data")),
                Clock.systemUTC());
    }

    private static int port(Optional<java.net.InetSocketAddress> a) {
        return a.map(java.net.InetSocketAddress::getPort).orElse(-1);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Proc.Result curl(String... args) throws Exception {
        Proc.assumeInstalled("/usr/bin/curl");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/curl", "-sS", "--max-time", "20"));
        cmd.addAll(List.of(args));
        return Proc.run(cmd);
    }

    private static String http(String path) {
        return "http://127.0.0.1:" + port(server.httpAddress()) + path;
    }

    private static String https(String path) {
        return "https://localhost:" + port(server.httpsAddress()) + path;
    }

    private static String status(String... args) throws Exception {
        List<String> a = new ArrayList<>(List.of("-o", "/dev/null", "-w", "%{http_code}"));
        a.addAll(List.of(args));
        return curl(a.toArray(String[]::new)).outText();
    }

    @Test
    void encryptedGzippedProfileDecodesWithOpensslAndGunzip() throws Exception {
        Proc.assumeInstalled("/usr/bin/openssl");
        Proc.assumeInstalled("/usr/bin/gunzip");
        Proc.Result enc = curl("-A", "Linksys/SPA2102-5.1.10 (SN1)", http("/spa" + KEYED + ".cfg"));
        assertThat(enc.exit()).as(enc.err()).isZero();
        assertThat(new String(enc.out(), 0, 8, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("Salted__");
        Proc.Result dec = Proc.run(List.of("/usr/bin/openssl", "enc", "-d", "-aes-256-cbc", "-md", "md5", "-k", KEY),
                enc.out());
        assertThat(dec.exit()).as(dec.err()).isZero();
        Proc.Result xml = Proc.run(List.of("/usr/bin/gunzip", "-c"), dec.out());
        assertThat(xml.outText()).contains("<Proxy_1_", "sip.example.com");
    }

    @Test
    void etagRevalidationGives304() throws Exception {
        Proc.Result first = curl("-D", "-", "-o", "/dev/null", http("/spa" + PLAIN + ".xml"));
        String etag = first.outText().lines().filter(l -> l.regionMatches(true, 0, "etag:", 0, 5))
                .map(l -> l.substring(5).trim()).findFirst().orElseThrow();
        assertThat(status("-H", "If-None-Match: " + etag, http("/spa" + PLAIN + ".xml"))).isEqualTo("304");
    }

    @Test
    void clientCertificateForMacAAskingForMacBIs403() throws Exception {
        String ca = pki.caCert().toString();
        assertThat(status("--cacert", ca, "--cert", pki.deviceCert(KEYED).toString(), "--key",
                pki.deviceKey(KEYED).toString(), https("/spa" + PLAIN + ".xml"))).isEqualTo("403");
        assertThat(status("--cacert", ca, "--cert", pki.deviceCert(PLAIN).toString(), "--key",
                pki.deviceKey(PLAIN).toString(), https("/spa" + PLAIN + ".xml"))).isEqualTo("200");
        assertThat(status("--cacert", ca, https("/spa" + PLAIN + ".xml"))).isEqualTo("200");
    }

    @Test
    void tftpServesTheSameProfile() throws Exception {
        Proc.Result t = curl("tftp://127.0.0.1:" + port(server.tftpAddress()) + "/spa" + PLAIN + ".xml");
        assertThat(t.exit()).as(t.err()).isZero();
        Proc.Result h = curl(http("/spa" + PLAIN + ".xml"));
        assertThat(t.out()).isEqualTo(h.out());
        assertThat(h.outText()).contains("sip.example.com");
    }

    @Test
    void hostilePathsAreRefused() throws Exception {
        assertThat(status("--path-as-is", http("/../../etc/passwd"))).isEqualTo("400");
        assertThat(status(http("/etc/passwd"))).isIn("403", "404");
        assertThat(status("--path-as-is", http("/%2e%2e/spaprov.yaml"))).isEqualTo("400");
        assertThat(status(http("/" + "x".repeat(5000)))).isEqualTo("414");
        assertThat(status("-H", "X-Big: " + "y".repeat(9000), http("/spa" + PLAIN + ".xml"))).isEqualTo("431");
    }

    @Test
    void aMacSweepFromOneAddressIsThrottledWhileOthersAreServed() throws Exception {
        Proc.assumeInstalled("/usr/bin/curl");
        // One curl process sweeps 30 unknown MACs from 127.0.0.3 over one connection.
        List<String> args = new ArrayList<>(List.of("--interface", "127.0.0.3", "-o", "/dev/null", "-w",
                "%{http_code}\\n"));
        for (int i = 0; i < 30; i++) {
            args.add(http(String.format("/spa000e08cc%04x.xml", i)));
        }
        List<String> codes = curl(args.toArray(String[]::new)).outText().lines().toList();
        assertThat(codes).hasSize(30).contains("429");
        assertThat(codes.getFirst()).isEqualTo("404");
        assertThat(status("--interface", "127.0.0.4", http("/spa" + PLAIN + ".xml"))).isEqualTo("200");
        assertThat(status("--interface", "127.0.0.3", http("/spa" + PLAIN + ".xml"))).isEqualTo("200");
    }
}
