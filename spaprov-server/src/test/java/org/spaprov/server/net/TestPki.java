package org.spaprov.server.net;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away PKI for tests, written as PEM files: {@code ca.crt}, {@code server.crt/.key} (localhost,
 * 127.0.0.1), {@code devices/<mac>.crt/.key} (CN = MAC). EC P-256 keys, PKCS#8.
 */
public final class TestPki {
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());
    private final Path dir;
    private final KeyPair caKeys;
    private final X509Certificate ca;

    private TestPki(Path dir, KeyPair caKeys, X509Certificate ca) {
        this.dir = dir;
        this.caKeys = caKeys;
        this.ca = ca;
    }

    /** Creates the CA and the server certificate under {@code dir}. */
    public static TestPki create(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("devices"));
        KeyPair caKeys = ec();
        X500Name caName = new X500Name("CN=spaprov test device CA");
        X509v3CertificateBuilder b = builder(caName, caName, caKeys);
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        X509Certificate ca = sign(b, caKeys.getPrivate());
        writePem(dir.resolve("ca.crt"), ca);
        TestPki pki = new TestPki(dir, caKeys, ca);
        KeyPair server = ec();
        X509v3CertificateBuilder s = builder(caName, new X500Name("CN=localhost"), server);
        s.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        s.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        writePem(dir.resolve("server.crt"), sign(s, caKeys.getPrivate()));
        writeKey(dir.resolve("server.key"), server.getPrivate());
        return pki;
    }

    /** Issues {@code devices/<mac>.crt} and {@code .key} with CN = mac. */
    public Path device(String mac) throws Exception {
        KeyPair k = ec();
        X509v3CertificateBuilder d = builder(new X500Name("CN=spaprov test device CA"), new X500Name("CN=" + mac), k);
        d.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        writePem(dir.resolve("devices/" + mac + ".crt"), sign(d, caKeys.getPrivate()));
        writeKey(dir.resolve("devices/" + mac + ".key"), k.getPrivate());
        return dir.resolve("devices/" + mac + ".crt");
    }

    public Path dir() {
        return dir;
    }

    public Path caCert() {
        return dir.resolve("ca.crt");
    }

    public Path serverCert() {
        return dir.resolve("server.crt");
    }

    public Path serverKey() {
        return dir.resolve("server.key");
    }

    public Path deviceCert(String mac) {
        return dir.resolve("devices/" + mac + ".crt");
    }

    public Path deviceKey(String mac) {
        return dir.resolve("devices/" + mac + ".key");
    }

    X509Certificate ca() {
        return ca;
    }

    private static KeyPair ec() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        return g.generateKeyPair();
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))), subject,
                keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key) throws Exception {
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(key);
        return new JcaX509CertificateConverter().getCertificate(b.build(signer));
    }

    private static void writePem(Path p, Object o) throws IOException {
        try (Writer w = Files.newBufferedWriter(p); JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(o);
        }
    }

    private static void writeKey(Path p, PrivateKey k) throws Exception {
        try (Writer w = Files.newBufferedWriter(p); JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(new JcaPKCS8Generator(k, null));
        }
    }
}
