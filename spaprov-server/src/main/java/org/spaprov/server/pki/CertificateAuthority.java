package org.spaprov.server.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small certificate authority for a site (BouncyCastle): it signs the HTTPS server certificate and
 * one client certificate per device, with the device subject of SPEC §15.13:
 * {@code CN=<mac>, OU=<product name>, L=<serial>, ST=<mac>}. Not thread-safe for concurrent issuing
 * of the same serial; serial numbers are random 64-bit values.
 */
public final class CertificateAuthority {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Issued ca;
    private final Clock clock;

    private CertificateAuthority(Issued ca, Clock clock) {
        this.ca = ca;
        this.clock = clock;
    }

    /** A new self-signed CA named {@code CN=<name>} valid for {@code validity}. */
    public static CertificateAuthority create(String name, KeyKind kind, Duration validity, Clock clock)
            throws PkiException {
        KeyPair kp = keyPair(kind);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name).build();
        Instant now = clock.instant();
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(validity)), subject, kp.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
            X509Certificate cert = sign(b, kp, kind);
            return new CertificateAuthority(new Issued(cert, kp.getPrivate()), clock);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new PkiException("cannot create the CA: " + e.getMessage());
        }
    }

    /** A CA from its PEM certificate and key (as written by {@code spaprov site init}). */
    public static CertificateAuthority load(Path cert, Path key, Clock clock) throws PkiException {
        List<X509Certificate> certs = Pem.readCertificates(cert);
        if (certs.isEmpty()) {
            throw new PkiException(cert + ": no certificate");
        }
        return new CertificateAuthority(new Issued(certs.get(0), Pem.readPrivateKey(key)), clock);
    }

    /** The CA's own certificate and key. */
    public Issued ca() {
        return ca;
    }

    public X509Certificate certificate() {
        return ca.certificate();
    }

    /**
     * An HTTPS server certificate: {@code CN=<first DNS name>}, SubjectAltName with every DNS name and
     * IP address (the CN form is what v3.0 devices check, SPEC §9; browsers and curl use the SAN).
     */
    public Issued issueServer(List<String> dnsNames, List<String> ipAddresses, KeyKind kind, Duration validity)
            throws PkiException {
        if (dnsNames.isEmpty()) {
            throw new PkiException("a server certificate needs a DNS name");
        }
        KeyPair kp = keyPair(kind);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, dnsNames.get(0)).build();
        List<GeneralName> san = new ArrayList<>();
        dnsNames.forEach(d -> san.add(new GeneralName(GeneralName.dNSName, d)));
        for (String ip : ipAddresses) {
            san.add(new GeneralName(GeneralName.iPAddress, ip));
        }
        return issue(subject, kp, kind, validity, KeyPurposeId.id_kp_serverAuth,
                new GeneralNames(san.toArray(GeneralName[]::new)));
    }

    /**
     * A device client certificate: {@code CN=<mac>, OU=<productName>, L=<serial>, ST=<mac>} (SPEC §15.13).
     *
     * @param mac 12 lower-case hex digits
     */
    public Issued issueDevice(String mac, String productName, String serial, KeyKind kind, Duration validity)
            throws PkiException {
        if (mac == null || !mac.matches("[0-9a-f]{12}")) {
            throw new PkiException("device certificate: '" + mac + "' is not 12 lower-case hex digits");
        }
        X500NameBuilder nb = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, mac)
                .addRDN(BCStyle.OU, Objects.requireNonNull(productName, "productName"));
        if (serial != null && !serial.isEmpty()) {
            nb.addRDN(BCStyle.L, serial);
        }
        nb.addRDN(BCStyle.ST, mac);
        return issue(nb.build(), keyPair(kind), kind, validity, KeyPurposeId.id_kp_clientAuth, null);
    }

    private Issued issue(X500Name subject, KeyPair kp, KeyKind kind, Duration validity, KeyPurposeId purpose,
            GeneralNames san) throws PkiException {
        Instant now = clock.instant();
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(certificate(), serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(validity)), subject, kp.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(kind == KeyKind.RSA_2048
                            ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            ext.createAuthorityKeyIdentifier(certificate()));
            if (san != null) {
                b.addExtension(Extension.subjectAlternativeName, false, san);
            }
            X509Certificate cert = sign(b, new KeyPair(certificate().getPublicKey(), ca.key()),
                    ca.key().getAlgorithm().equals("EC") ? KeyKind.EC_P256 : KeyKind.RSA_2048);
            return new Issued(cert, kp.getPrivate());
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new PkiException("cannot issue a certificate for " + subject + ": " + e.getMessage());
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair signer, KeyKind kind)
            throws OperatorCreationException, GeneralSecurityException {
        ContentSigner s = new JcaContentSignerBuilder(kind == KeyKind.EC_P256 ? "SHA256withECDSA" : "SHA256withRSA")
                .build(signer.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(b.build(s));
    }

    private static KeyPair keyPair(KeyKind kind) throws PkiException {
        try {
            if (kind == KeyKind.EC_P256) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
                return g.generateKeyPair();
            }
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048, RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new PkiException("cannot generate a key: " + e.getMessage());
        }
    }

    private static BigInteger serial() {
        return new BigInteger(63, RANDOM).add(BigInteger.ONE);
    }

    /** The public key of the CA (for checks). */
    public PublicKey publicKey() {
        return certificate().getPublicKey();
    }
}
