package org.spaprov.server.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spaprov.server.provision.TestSite.A;
import static org.spaprov.server.provision.TestSite.B;
import static org.spaprov.server.provision.TestSite.KEY;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.server.pki.CertificateAuthority;
import org.spaprov.server.pki.KeyKind;
import org.spaprov.profile.codec.Digest;
import org.spaprov.profile.codec.ProfileCodec;

/**
 * Secrets go only to a request authenticated for the device (its client certificate, or an answer
 * encrypted with its key); reports are stored only from such uploads (issue 9 rows 1 and 2).
 */
class SecretsPolicyTest {
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 40000);
    static X509Certificate certA;
    static X509Certificate certB;

    @TempDir
    Path dir;
    TestSite site;

    @BeforeAll
    static void certs() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("test CA", KeyKind.EC_P256, Duration.ofDays(1), Clock.systemUTC());
        certA = ca.issueDevice(A, "SPA-2102", "SNA", KeyKind.EC_P256, Duration.ofDays(1)).certificate();
        certB = ca.issueDevice(B, "SPA-2102", "SNB", KeyKind.EC_P256, Duration.ofDays(1)).certificate();
    }

    @BeforeEach
    void open() throws Exception {
        site = new TestSite(dir);
        site.write("layers/device/" + B + ".xml", "<flat-profile><GPP_SA>{{ device.key }}</GPP_SA></flat-profile>\n");
        site.write("layers/bootstrap.xml", """
                <flat-profile><Profile_Rule>http://prov.example.net/spa$MA.cfg</Profile_Rule>
                <Admin_Passwd>boot-admin-pw</Admin_Passwd></flat-profile>
                """);
        site.open();
    }

    @AfterEach
    void close() {
        site.close();
    }

    @Test
    void plainAnswersWithoutAuthenticationLeaveEverySecretOut() {
        for (Protocol p : Protocol.values()) {
            ProvisionResult r = site.get(p, "/spa" + A + ".xml");
            assertThat(r.status()).as(p.name()).isEqualTo(200);
            assertThat(TestSite.text(r)).as(p.name()).contains("<Display_Name_1_").doesNotContain("pw-alice-123")
                    .doesNotContain("<Password_1_").doesNotContain("<GPP_SA").doesNotContain("<Admin_Passwd");
            assertThat(r.reason()).isEqualTo("served, secrets withheld");
        }
        // The keyed device's plain profile over HTTPS without a certificate: no key, no password.
        ProvisionResult b = site.get(ProvisionRequest.of(Protocol.HTTPS, "/spa" + B + ".xml", PEER));
        assertThat(TestSite.text(b)).contains("<Display_Name_1_").doesNotContain(KEY).doesNotContain("pw-bob-456");
        // A bootstrap file never carries secrets to an anonymous client.
        ProvisionResult boot = site.get(Protocol.TFTP, "/spa2102.cfg");
        assertThat(TestSite.text(boot)).contains("Profile_Rule").doesNotContain("boot-admin-pw");
        assertThat(boot.reason()).contains("secrets withheld");
    }

    @Test
    void theWithheldAnswerIsAnEvent() {
        site.get(Protocol.TFTP, "/spa" + A + ".xml");
        site.core.store().flush();
        assertThat(site.core.store().events(java.util.Optional.of(A), 10)).extracting(e -> e.reason())
                .contains("served, secrets withheld");
    }

    @Test
    void theDevicesCertificateOrItsKeyGetTheSecrets() throws Exception {
        ProvisionResult own = site.get(TestSite.https("/spa" + A + ".xml", certA));
        assertThat(TestSite.text(own)).contains("pw-alice-123");
        assertThat(own.reason()).isEqualTo("served");
        ProvisionResult b = site.get(TestSite.https("/spa" + B + ".xml", certB));
        assertThat(TestSite.text(b)).contains(">" + KEY + "<").contains("pw-bob-456");
        ProvisionResult enc = site.get(Protocol.HTTP, "/spa" + B + ".cfg");
        assertThat(enc.reason()).isEqualTo("served encrypted");
        assertThat(new String(ProfileCodec.decode(enc.body(), KEY, Digest.MD5), StandardCharsets.UTF_8)).contains("pw-bob-456");
        // The anonymous answer cached first does not serve the certificate's request, nor the reverse.
        assertThat(TestSite.text(site.get(Protocol.HTTPS, "/spa" + A + ".xml"))).doesNotContain("pw-alice-123");
        assertThat(TestSite.text(site.get(TestSite.https("/spa" + A + ".xml", certA)))).contains("pw-alice-123");
    }

    @Test
    void allowSendsThemInTheClear() throws Exception {
        site.write("spaprov.yaml", "security: {plain-secrets: allow}\n");
        assertThat(site.core.reloadNow()).isTrue();
        ProvisionResult r = site.get(Protocol.TFTP, "/spa" + A + ".xml");
        assertThat(TestSite.text(r)).contains("pw-alice-123");
        assertThat(r.reason()).isEqualTo("served");
    }

    private int upload(ProvisionRequest r, byte[] body) {
        return site.core.reportSink().accept(r, body);
    }

    private Path report(String name) {
        return site.core.config().reportFolder().resolve(name);
    }

    private static final byte[] REPORT = "<flat-profile><Station_Name>x</Station_Name></flat-profile>\n"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void anonymousReportsAreRefusedAndChangeNothing() throws Exception {
        String name = "/report-" + B + ".xml";
        assertThat(site.core.reportSink().admit(ProvisionRequest.of(Protocol.TFTP, name, PEER))).isEqualTo(200);
        assertThat(site.core.reportSink().admit(ProvisionRequest.of(Protocol.TFTP, "/report-" + A + ".xml", PEER)))
                .as("no key, no certificate: refused before any byte").isEqualTo(403);
        assertThat(upload(ProvisionRequest.of(Protocol.HTTPS, name, PEER).withClientCert(certB), REPORT)).isEqualTo(200);
        assertThat(Files.readAllBytes(report("report-" + B + ".xml"))).isEqualTo(REPORT);
        byte[] forged = "<flat-profile><Station_Name>forged</Station_Name></flat-profile>".getBytes(StandardCharsets.UTF_8);
        for (Protocol p : Protocol.values()) {
            assertThat(upload(ProvisionRequest.of(p, name, PEER), forged)).as(p.name()).isEqualTo(403);
        }
        assertThat(upload(ProvisionRequest.of(Protocol.HTTP, name, PEER), ProfileCodec.encode(forged, false, "wrong-key", Digest.MD5)))
                .isEqualTo(403);
        assertThat(Files.readAllBytes(report("report-" + B + ".xml"))).isEqualTo(REPORT);
        site.core.store().flush();
        assertThat(site.core.store().events(java.util.Optional.of(B), 20)).extracting(e -> e.reason())
                .contains("report not authenticated (needs the device's client certificate or its key)");
    }

    @Test
    void aReportEncryptedWithTheDevicesKeyIsStoredDecrypted() throws Exception {
        assertThat(upload(ProvisionRequest.of(Protocol.TFTP, "rep-" + B + ".xml.enc", PEER),
                ProfileCodec.encode(REPORT, false, KEY, Digest.MD5))).isEqualTo(200);
        assertThat(Files.readAllBytes(report("rep-" + B + ".xml.enc"))).isEqualTo(REPORT);
    }

    @Test
    void allowAcceptsPlainReportsOfKnownDevices() throws Exception {
        site.write("spaprov.yaml", "security: {plain-secrets: allow}\n");
        assertThat(site.core.reloadNow()).isTrue();
        assertThat(upload(ProvisionRequest.of(Protocol.TFTP, "/report-" + A + ".xml", PEER), REPORT)).isEqualTo(200);
        assertThat(upload(ProvisionRequest.of(Protocol.TFTP, "/report-000e08ffffff.xml", PEER), REPORT)).isEqualTo(403);
    }

    @Test
    void allowIsWarnedAboutAtStartAndNoSecretReachesALogLine() throws Exception {
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
                new ch.qos.logback.core.read.ListAppender<>();
        log.start();
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(log);
        try {
            site.close();
            site.write("spaprov.yaml", "security: {plain-secrets: allow}\n");
            site.open();
            for (Protocol p : Protocol.values()) {
                site.get(p, "/spa" + B + ".xml");
                site.get(p, "/spa" + A + ".xml");
            }
            upload(ProvisionRequest.of(Protocol.HTTP, "/report-" + B + ".xml", PEER), ProfileCodec.encode(REPORT, false, "bad", Digest.MD5));
            site.core.store().flush();
        } finally {
            root.detachAppender(log);
        }
        List<String> lines = log.list.stream().map(e -> e.getFormattedMessage()).toList();
        assertThat(lines).anyMatch(l -> l.startsWith("security.plain-secrets: allow"));
        assertThat(lines).noneMatch(l -> l.contains(KEY) || l.contains("pw-alice-123") || l.contains("pw-bob-456"));
    }
}
