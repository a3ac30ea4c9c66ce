package org.spaprov.server.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.spaprov.server.net.Proc.assumeInstalled;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.profile.Mac;
import org.spaprov.server.SpaprovServer;
import org.spaprov.server.net.Proc;
import org.spaprov.server.pki.KeyKind;

/**
 * Real names in the server certificate ({@code site init --host/--ip}) and device certificates from the site CA
 * ({@code pki issue}), checked by openssl and curl against a running server of the site.
 */
class SitePkiTest {
    private static final String HOST = "prov.example.test";

    @TempDir
    Path tmp;

    private static SpaprovServer.Overrides freePorts(Path data) {
        return SpaprovServer.Overrides.NONE.withDataDir(data).withPorts(0, 0, 0, -1);
    }

    @Test
    void theServerCertificateNamesTheHostsAndCurlVerifiesItByName() throws Exception {
        assumeInstalled("/usr/bin/openssl");
        assumeInstalled("/usr/bin/curl");
        Path site = tmp.resolve("site");
        SiteInit.write(site, Clock.systemUTC(), KeyKind.EC_P256,
                new SiteInit.Addresses(List.of(HOST, "prov2.example.test"), List.of("192.0.2.10", "2001:db8::10")));

        Proc.Result x509 = Proc.run(List.of("openssl", "x509", "-noout", "-text", "-in",
                site.resolve("pki/server.crt").toString()));
        assertThat(x509.exit()).as(x509.err()).isZero();
        assertThat(x509.outText()).contains("Subject: CN = " + HOST)
                .contains("DNS:" + HOST + ", DNS:prov2.example.test, DNS:localhost, IP Address:192.0.2.10,"
                        + " IP Address:2001:DB8:0:0:0:0:0:10, IP Address:127.0.0.1");
        assertThat(Files.readString(site.resolve("spaprov.yaml"))).contains("\n  public-host: " + HOST + " ");

        try (SpaprovServer server = SpaprovServer.start(site, freePorts(tmp.resolve("data")), Clock.systemUTC())) {
            int https = server.httpsAddress().orElseThrow().getPort();
            Proc.Result curl = Proc.run(List.of("curl", "-sS", "--fail", "--cacert",
                    site.resolve("pki/ca.crt").toString(), "--resolve", HOST + ":" + https + ":127.0.0.1",
                    "https://" + HOST + ":" + https + "/spa2102.cfg"));
            assertThat(curl.exit()).as(curl.err()).isZero();
            assertThat(curl.outText()).contains("https://" + HOST + ":" + https + "/spa$MA.xml");
            // A name the certificate does not carry fails verification: the check above is real.
            Proc.Result other = Proc.run(List.of("curl", "-sS", "--cacert", site.resolve("pki/ca.crt").toString(),
                    "--resolve", "other.example.test:" + https + ":127.0.0.1",
                    "https://other.example.test:" + https + "/spa2102.cfg"));
            assertThat(other.exit()).isEqualTo(60);
        }
    }

    @Test
    void addressesAreCheckedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> new SiteInit.Addresses(List.of("https://prov.example.test"), List.of()))
                .hasMessageContaining("--host 'https://prov.example.test' is not a host name");
        assertThatThrownBy(() -> new SiteInit.Addresses(List.of("192.0.2.10"), List.of()))
                .hasMessageContaining("give an address with --ip");
        assertThatThrownBy(() -> new SiteInit.Addresses(List.of(), List.of("192.0.2.300")))
                .hasMessageContaining("--ip '192.0.2.300' is not an IPv4 or IPv6 address");
        assertThatThrownBy(() -> new SiteInit.Addresses(List.of(), List.of("prov.example.test")))
                .hasMessageContaining("is not an IPv4 or IPv6 address");
        assertThat(new SiteInit.Addresses(List.of(), List.of("192.0.2.10")).publicHost()).contains("192.0.2.10");
    }

    @Test
    void issuedDeviceCertificatesVerifyCarryTheSpecSubjectAndAreAcceptedOverMutualTls() throws Exception {
        assumeInstalled("/usr/bin/openssl");
        assumeInstalled("/usr/bin/curl");
        Path site = tmp.resolve("site");
        SiteInit.write(site, Clock.systemUTC(), KeyKind.EC_P256);
        // 000e08aabb01 is in devices.csv (SPA2102, serial FM500A000001); 000e08aabb09 is not.
        Files.delete(site.resolve("pki/devices/000e08aabb01.crt"));
        Files.delete(site.resolve("pki/devices/000e08aabb01.key"));
        var written = SitePki.issueDevices(site, new SitePki.Request(List.of(Mac.parse("00:0E:08:AA:BB:01"),
                Mac.parse("000e08aabb09")), KeyKind.RSA_2048, Duration.ofDays(30), false, "pap2t"), Clock.systemUTC());
        assertThat(written).extracting(SitePki.Written::cert)
                .containsExactly("pki/devices/000e08aabb01.crt", "pki/devices/000e08aabb09.crt");
        assertThat(Files.getPosixFilePermissions(site.resolve("pki/devices/000e08aabb09.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        Proc.Result verify = Proc.run(List.of("openssl", "verify", "-CAfile", site.resolve("pki/ca.crt").toString(),
                site.resolve("pki/devices/000e08aabb01.crt").toString(),
                site.resolve("pki/devices/000e08aabb09.crt").toString()));
        assertThat(verify.exit()).as(verify.outText() + verify.err()).isZero();
        assertThat(subject(site, "000e08aabb01")).isEqualTo("subject=CN = 000e08aabb01, OU = SPA2102,"
                + " L = FM500A000001, ST = 000e08aabb01");
        assertThat(subject(site, "000e08aabb09")).isEqualTo("subject=CN = 000e08aabb09, OU = PAP2T, ST = 000e08aabb09");

        try (SpaprovServer server = SpaprovServer.start(site, freePorts(tmp.resolve("data")), Clock.systemUTC())) {
            int https = server.httpsAddress().orElseThrow().getPort();
            String url = "https://localhost:" + https + "/spa000e08aabb01.xml";
            String ca = site.resolve("pki/ca.crt").toString();
            Proc.Result withCert = Proc.run(List.of("curl", "-sS", "--fail", "--cacert", ca,
                    "--cert", site.resolve("pki/devices/000e08aabb01.crt").toString(),
                    "--key", site.resolve("pki/devices/000e08aabb01.key").toString(), url));
            assertThat(withCert.exit()).as(withCert.err()).isZero();
            // The SIP password goes only to a request authenticated for the device: the new certificate is one.
            assertThat(withCert.outText()).contains("pw-1001-change-me");
            Proc.Result without = Proc.run(List.of("curl", "-sS", "--fail", "--cacert", ca, url));
            assertThat(without.exit()).as(without.err()).isZero();
            assertThat(without.outText()).doesNotContain("pw-1001-change-me");
        }
    }

    @Test
    void anExistingCertificateRefusesTheWholeRunUnlessForced() throws Exception {
        Path site = tmp.resolve("site");
        SiteInit.write(site, Clock.systemUTC(), KeyKind.EC_P256);
        Path crt = site.resolve("pki/devices/000e08aabb02.crt");
        String before = Files.readString(crt);
        var request = new SitePki.Request(List.of(Mac.parse("000e08aabb07"), Mac.parse("000e08aabb02")),
                KeyKind.EC_P256, Duration.ofDays(1), false, "spa2102");
        assertThatThrownBy(() -> SitePki.issueDevices(site, request, Clock.systemUTC()))
                .isInstanceOf(SiteException.class)
                .hasMessage("pki/devices/000e08aabb02.crt: error: exists; --force replaces it");
        assertThat(site.resolve("pki/devices/000e08aabb07.crt")).doesNotExist();
        assertThat(Files.readString(crt)).isEqualTo(before);

        SitePki.issueDevices(site, new SitePki.Request(request.macs(), KeyKind.EC_P256, Duration.ofDays(1), true,
                "spa2102"), Clock.systemUTC());
        assertThat(Files.readString(crt)).isNotEqualTo(before);
        assertThat(site.resolve("pki/devices/000e08aabb07.crt")).exists();
    }

    @Test
    void aSiteWithoutItsCaIsRefusedWithOneLine() throws Exception {
        Path site = Files.createDirectories(tmp.resolve("bare"));
        assertThatThrownBy(() -> SitePki.issueDevices(site, new SitePki.Request(List.of(Mac.parse("000e08aabb07")),
                KeyKind.EC_P256, Duration.ofDays(1), false, "spa2102"), Clock.systemUTC()))
                .hasMessageStartingWith("pki/ca.crt: error: missing");
    }

    private static String subject(Path site, String mac) throws Exception {
        Proc.Result r = Proc.run(List.of("openssl", "x509", "-noout", "-subject", "-in", site.resolve("pki/devices/" + mac + ".crt").toString()));
        return r.outText().strip();
    }
}
