package org.spaprov.server.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.spaprov.server.net.Proc.requirePeer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PkiTest {
    @TempDir
    Path dir;

    private static String openssl(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void serverAndDeviceCertificatesVerifyWithOpenssl() throws Exception {
        requirePeer(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl missing");
        CertificateAuthority ca = CertificateAuthority.create("site CA", KeyKind.RSA_2048, Duration.ofDays(30), Clock.systemUTC());
        Issued server = ca.issueServer(List.of("localhost"), List.of("127.0.0.1"), KeyKind.RSA_2048, Duration.ofDays(30));
        Issued device = ca.issueDevice("000e08aabbcc", "SPA-2102", "FM500F123456", KeyKind.EC_P256, Duration.ofDays(30));
        Pem.writeCertificate(dir.resolve("ca.crt"), ca.certificate());
        Pem.writeCertificate(dir.resolve("server.crt"), server.certificate());
        Pem.writePrivateKey(dir.resolve("server.key"), server.key());
        Pem.writeCertificate(dir.resolve("dev.crt"), device.certificate());
        Pem.writePrivateKey(dir.resolve("dev.key"), device.key());

        assertThat(openssl("verify", "-CAfile", dir.resolve("ca.crt").toString(), "-purpose", "sslserver",
                dir.resolve("server.crt").toString())).contains("server.crt: OK");
        assertThat(openssl("verify", "-CAfile", dir.resolve("ca.crt").toString(), "-purpose", "sslclient",
                dir.resolve("dev.crt").toString())).contains("dev.crt: OK");
        assertThat(openssl("x509", "-in", dir.resolve("server.crt").toString(), "-noout", "-ext", "subjectAltName"))
                .contains("DNS:localhost").contains("IP Address:127.0.0.1");
        assertThat(openssl("x509", "-in", dir.resolve("dev.crt").toString(), "-noout", "-subject", "-nameopt", "RFC2253"))
                .contains("CN=000e08aabbcc").contains("OU=SPA-2102").contains("L=FM500F123456").contains("ST=000e08aabbcc");
        // openssl reads our PKCS#8 key, and it matches the certificate.
        String keyPub = openssl("pkey", "-in", dir.resolve("server.key").toString(), "-pubout");
        String certPub = openssl("x509", "-in", dir.resolve("server.crt").toString(), "-noout", "-pubkey");
        assertThat(keyPub).isEqualTo(certPub);
        assertThat(Files.getPosixFilePermissions(dir.resolve("server.key")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void pemRoundTripAndLoadTheCa() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("site CA", KeyKind.EC_P256, Duration.ofDays(1), Clock.systemUTC());
        Pem.writeCertificate(dir.resolve("ca.crt"), ca.certificate());
        Pem.writePrivateKey(dir.resolve("ca.key"), ca.ca().key());
        CertificateAuthority again = CertificateAuthority.load(dir.resolve("ca.crt"), dir.resolve("ca.key"), Clock.systemUTC());
        assertThat(again.certificate()).isEqualTo(ca.certificate());
        X509Certificate dev = again.issueDevice("000e08aabbcd", "PAP2T", "", KeyKind.EC_P256, Duration.ofDays(1)).certificate();
        dev.verify(ca.publicKey());
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(Pem.readPrivateKey(dir.resolve("ca.key")));
        assertThat(s.sign()).isNotEmpty();
    }

    @Test
    void badInputIsAClearError() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("c", KeyKind.EC_P256, Duration.ofDays(1), Clock.systemUTC());
        assertThatThrownBy(() -> ca.issueDevice("000E08AABBCC", "SPA-2102", "x", KeyKind.EC_P256, Duration.ofDays(1)))
                .isInstanceOf(PkiException.class).hasMessageContaining("12 lower-case hex digits");
        Files.writeString(dir.resolve("junk.pem"), "hello");
        assertThatThrownBy(() -> Pem.readPrivateKey(dir.resolve("junk.pem"))).hasMessageContaining("junk.pem");
    }
}
