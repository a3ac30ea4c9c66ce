package org.spaprov.server.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spaprov.server.provision.TestSite.A;
import static org.spaprov.server.provision.TestSite.B;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.spaprov.server.pki.CertificateAuthority;
import org.spaprov.server.pki.KeyKind;

class IdentityAndThrottleTest {
    static X509Certificate certA;
    static X509Certificate certStOnly;
    static X509Certificate certNoMac;

    @TempDir
    Path dir;
    TestSite site;

    @BeforeAll
    static void certs() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("test CA", KeyKind.EC_P256, Duration.ofDays(1), Clock.systemUTC());
        certA = ca.issueDevice(A, "SPA-2102", "SNA", KeyKind.EC_P256, Duration.ofDays(1)).certificate();
        certNoMac = ca.issueServer(java.util.List.of("not-a-device"), java.util.List.of(), KeyKind.EC_P256,
                Duration.ofDays(1)).certificate();
        // A subject with the MAC in ST only (CN is something else).
        certStOnly = stOnly(ca);
    }

    private static X509Certificate stOnly(CertificateAuthority ca) throws Exception {
        var kp = java.security.KeyPairGenerator.getInstance("EC");
        kp.initialize(256);
        var pair = kp.generateKeyPair();
        var subject = new org.bouncycastle.asn1.x500.X500NameBuilder().addRDN(org.bouncycastle.asn1.x500.style.BCStyle.CN,
                "SPA-2102 unit").addRDN(org.bouncycastle.asn1.x500.style.BCStyle.ST, "00:0E:08:00:00:02").build();
        var issuer = org.bouncycastle.asn1.x500.X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
        var b = new org.bouncycastle.cert.X509v3CertificateBuilder(issuer, java.math.BigInteger.TEN,
                new java.util.Date(), new java.util.Date(System.currentTimeMillis() + 86_400_000L), subject,
                org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()));
        var signer = new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA").build(ca.ca().key());
        return new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(b.build(signer));
    }

    @BeforeEach
    void setUp() throws Exception {
        site = new TestSite(dir);
        site.open();
    }

    @AfterEach
    void tearDown() {
        site.close();
    }

    @Test
    void certificateMacWinsAndMayNotAskForAnotherDevice() {
        ProvisionResult own = site.get(TestSite.https("/spa" + A + ".xml", certA));
        assertThat(own.status()).isEqualTo(200);
        ProvisionResult other = site.get(TestSite.https("/spa" + B + ".xml", certA));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.reason()).isEqualTo("client certificate of " + A + " asked for the profile of " + B);
        assertThat(other.deviceMac()).contains(A);
        assertThat(other.body()).isEmpty();
    }

    @Test
    void macFromStWhenCnIsNotOne() {
        ProvisionResult r = site.get(TestSite.https("/spa" + B + ".xml", certStOnly));
        assertThat(r.status()).as(r.reason()).isEqualTo(200);
        assertThat(site.get(TestSite.https("/spa" + A + ".xml", certStOnly)).status()).isEqualTo(403);
    }

    @Test
    void certificateWithoutMacIsRefused() {
        ProvisionResult r = site.get(TestSite.https("/spa" + A + ".xml", certNoMac));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.reason()).contains("names no MAC");
    }

    @Test
    void bootstrapNameWithCertificateIsAttributedToTheDevice() {
        ProvisionResult r = site.get(TestSite.https("/spa2102.cfg", certA));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.deviceMac()).contains(A);
    }

    @Test
    void macSweepIsThrottledButKnownDevicesAndOtherAddressesAreServed() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger security = (Logger) LoggerFactory.getLogger("spaprov.security");
        security.addAppender(log);
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(site.get("/spa0000000001%02x.cfg".formatted(i), "10.9.8.7").status()).isEqualTo(404);
            }
            ProvisionResult sixth = site.get("/spa0000000001ff.cfg", "10.9.8.7");
            assertThat(sixth.status()).isEqualTo(429);
            assertThat(site.get("/spa0000000001fe.cfg", "10.9.8.7").status()).isEqualTo(429);
            assertThat(site.get("/spa0000000001%02x.cfg".formatted(0), "10.9.8.7").status()).isEqualTo(404);
            assertThat(site.get("/spa" + A + ".cfg", "10.9.8.7").status()).isEqualTo(200);
            assertThat(site.get("/spa0000000002aa.cfg", "10.9.8.6").status()).isEqualTo(404);
            assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                    .containsExactly("spaprov: enumeration from 10.9.8.7: 6 MAC names in 60s, throttled");
            site.clock.advance(Duration.ofSeconds(61));
            assertThat(site.get("/spa0000000001fd.cfg", "10.9.8.7").status()).isEqualTo(404);
        } finally {
            security.detachAppender(log);
        }
    }
}
