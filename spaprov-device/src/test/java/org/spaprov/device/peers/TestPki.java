package org.spaprov.device.peers;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throw-away CA that issues server and device certificates (EC P-256) for tests. */
public final class TestPki {
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

    /** A certificate and its key. */
    public record Issued(X509Certificate cert, KeyPair keys) {
        /** Writes {@code NAME.crt} and {@code NAME.key} (PKCS#8) into {@code dir}. */
        public Path[] write(Path dir, String name) throws IOException {
            Path crt = dir.resolve(name + ".crt");
            Path key = dir.resolve(name + ".key");
            Files.writeString(crt, pem(cert));
            Files.writeString(key, pem(new org.bouncycastle.util.io.pem.PemObject("PRIVATE KEY",
                    keys.getPrivate().getEncoded())));
            return new Path[] {crt, key};
        }
    }

    private final Issued ca;

    public TestPki(String caName) throws GeneralSecurityException, OperatorCreationException {
        KeyPair k = keys();
        X500Name name = new X500Name("CN=" + caName);
        X509v3CertificateBuilder b = builder(name, name, k);
        try {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        ca = new Issued(sign(b, k), k);
    }

    public Issued ca() {
        return ca;
    }

    /** A certificate for {@code subject} (e.g. {@code CN=localhost}), with DNS SANs when given. */
    public Issued issue(String subject, String... sanDns) throws GeneralSecurityException, OperatorCreationException {
        KeyPair k = keys();
        X509v3CertificateBuilder b = builder(new X500Name(ca.cert.getSubjectX500Principal().getName()),
                new X500Name(subject), k);
        try {
            if (sanDns.length > 0) {
                GeneralName[] names = new GeneralName[sanDns.length];
                for (int i = 0; i < sanDns.length; i++) {
                    names[i] = new GeneralName(GeneralName.dNSName, sanDns[i]);
                }
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            }
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        return new Issued(sign(b, ca.keys), k);
    }

    private static KeyPair keys() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair k) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), subject, k.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair signer)
            throws GeneralSecurityException, OperatorCreationException {
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
    }

    static String pem(Object o) throws IOException {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter p = new JcaPEMWriter(w)) {
            p.writeObject(o);
        }
        return w.toString();
    }
}
