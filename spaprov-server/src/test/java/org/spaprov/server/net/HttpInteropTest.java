package org.spaprov.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.server.config.ServerConfig.ClientCertMode;
import org.spaprov.server.http.TlsSettings;

/** HTTP and HTTPS against curl on 127.0.0.1: keep-alive, client certificates none/optional/required. */
class HttpInteropTest {
    private static final String CURL = "/usr/bin/curl";
    private static final String MAC_A = "000e08aaaaaa";
    private static final String MAC_B = "000e08bbbbbb";
    @TempDir
    static Path tmp;
    static TestPki pki;
    static FakeProvisioning fake;
    static ProvisioningServer optional;
    static ProvisioningServer required;

    @BeforeAll
    static void start() throws Exception {
        pki = TestPki.create(tmp.resolve("pki"));
        pki.device(MAC_A);
        pki.device(MAC_B);
        fake = new FakeProvisioning().put("/spa" + MAC_A + ".xml", "<flat-profile>A</flat-profile>")
                .put("/spa" + MAC_B + ".xml", "<flat-profile>B</flat-profile>")
                .put("/firmware/fw.bin", "0123456789");
        optional = ProvisioningServer.start(settings(ClientCertMode.OPTIONAL), fake, fake, Clock.systemUTC());
        required = ProvisioningServer.start(settings(ClientCertMode.REQUIRED).withPorts(-1, -1, 0), fake, fake,
                Clock.systemUTC());
    }

    private static NetSettings settings(ClientCertMode mode) {
        TlsSettings tls = new TlsSettings(pki.serverCert(), pki.serverKey(), Optional.of(pki.caCert()), mode);
        return NetSettings.loopback(Optional.of(tls)).withPorts(-1, 0, 0);
    }

    @AfterAll
    static void stop() {
        if (optional != null) {
            optional.close();
        }
        if (required != null) {
            required.close();
        }
    }

    private static Proc.Result curl(String... args) throws Exception {
        Proc.assumeInstalled(CURL);
        List<String> cmd = new ArrayList<>(List.of(CURL, "-sS", "--max-time", "10"));
        cmd.addAll(List.of(args));
        return Proc.run(cmd);
    }

    private static String http(String path) {
        return "http://127.0.0.1:" + optional.httpAddress().orElseThrow().getPort() + path;
    }

    private static String https(ProvisioningServer s, String path) {
        return "https://localhost:" + s.httpsAddress().orElseThrow().getPort() + path;
    }

    @Test
    void printsTheChosenPorts() {
        assertThat(optional.listeningLines()).hasSize(2)
                .allMatch(l -> l.matches("listening https? 127\\.0\\.0\\.1:\\d+"));
    }

    @Test
    void keepAliveReusesTheConnectionForTwoUrls() throws Exception {
        Proc.Result r = curl("-v", http("/spa" + MAC_A + ".xml"), http("/spa" + MAC_B + ".xml"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.outText()).isEqualTo("<flat-profile>A</flat-profile><flat-profile>B</flat-profile>");
        assertThat(r.err()).contains("Re-using existing connection");
    }

    @Test
    void conditionalAndRangeRequestsWithCurl() throws Exception {
        Proc.Result etag = curl("-o", "/dev/null", "-w", "%{http_code}", "-H",
                "If-None-Match: " + FakeProvisioning.etag("0123456789".getBytes()), http("/firmware/fw.bin"));
        assertThat(etag.outText()).isEqualTo("304");
        Proc.Result range = curl("-r", "2-4", http("/firmware/fw.bin"));
        assertThat(range.outText()).isEqualTo("234");
        Proc.Result missing = curl("-o", "/dev/null", "-w", "%{http_code}", http("/nothing.xml"));
        assertThat(missing.outText()).isEqualTo("404");
    }

    @Test
    void reportUploadWithCurl() throws Exception {
        Proc.Result r = curl("-o", "/dev/null", "-w", "%{http_code}", "--data-binary", "<report/>",
                http("/reports/" + MAC_A + ".xml"));
        assertThat(r.outText()).isEqualTo("200");
        assertThat(fake.reports.get("/reports/" + MAC_A + ".xml")).asString().isEqualTo("<report/>");
    }

    @Test
    void httpsOptionalWithoutClientCertificate() throws Exception {
        Proc.Result r = curl("--cacert", pki.caCert().toString(), https(optional, "/whoami"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.outText()).contains("protocol=HTTPS", "cert=none");
    }

    @Test
    void httpsOptionalWithClientCertificatePassesItToTheService() throws Exception {
        Proc.Result r = curl("--cacert", pki.caCert().toString(), "--cert", pki.deviceCert(MAC_A).toString(),
                "--key", pki.deviceKey(MAC_A).toString(), https(optional, "/whoami"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.outText()).contains("cert=CN=" + MAC_A);
    }

    @Test
    void certificateForMacAAskingForMacBIsRefused() throws Exception {
        Proc.Result r = curl("-o", "/dev/null", "-w", "%{http_code}", "--cacert", pki.caCert().toString(),
                "--cert", pki.deviceCert(MAC_A).toString(), "--key", pki.deviceKey(MAC_A).toString(),
                https(optional, "/spa" + MAC_B + ".xml"));
        assertThat(r.outText()).isEqualTo("403");
        Proc.Result own = curl("--cacert", pki.caCert().toString(), "--cert", pki.deviceCert(MAC_A).toString(),
                "--key", pki.deviceKey(MAC_A).toString(), https(optional, "/spa" + MAC_A + ".xml"));
        assertThat(own.outText()).isEqualTo("<flat-profile>A</flat-profile>");
    }

    @Test
    void requiredModeRefusesCurlWithoutCertificate() throws Exception {
        Proc.Result without = curl("--cacert", pki.caCert().toString(), https(required, "/whoami"));
        assertThat(without.exit()).isNotZero();
        assertThat(without.outText()).isEmpty();
        Proc.Result with = curl("--cacert", pki.caCert().toString(), "--cert", pki.deviceCert(MAC_B).toString(),
                "--key", pki.deviceKey(MAC_B).toString(), https(required, "/whoami"));
        assertThat(with.exit()).as(with.err()).isZero();
        assertThat(with.outText()).contains("cert=CN=" + MAC_B);
    }

    @Test
    void aCertificateFromAnotherCaIsRefused() throws Exception {
        TestPki other = TestPki.create(tmp.resolve("other"));
        other.device(MAC_A);
        Proc.Result r = curl("--cacert", pki.caCert().toString(), "--cert", other.deviceCert(MAC_A).toString(),
                "--key", other.deviceKey(MAC_A).toString(), https(required, "/whoami"));
        assertThat(r.exit()).isNotZero();
        assertThat(r.outText()).doesNotContain("cert=");
    }

    @Test
    void theJdkEngineWorksTheSameWay() throws Exception {
        TlsSettings tls = new TlsSettings(pki.serverCert(), pki.serverKey(), Optional.of(pki.caCert()),
                ClientCertMode.REQUIRED, TlsSettings.Engine.JDK);
        try (ProvisioningServer jdk = ProvisioningServer.start(NetSettings.loopback(Optional.of(tls))
                .withPorts(-1, -1, 0), fake, fake, Clock.systemUTC())) {
            Proc.Result with = curl("--cacert", pki.caCert().toString(), "--cert", pki.deviceCert(MAC_A).toString(),
                    "--key", pki.deviceKey(MAC_A).toString(), https(jdk, "/whoami"));
            assertThat(with.outText()).contains("cert=CN=" + MAC_A);
            assertThat(curl("--cacert", pki.caCert().toString(), https(jdk, "/whoami")).exit()).isNotZero();
        }
    }
}
