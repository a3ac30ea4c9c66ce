package org.spaprov.server.pki;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * PEM reading and writing: certificates ({@code CERTIFICATE}), private keys as unencrypted PKCS#8
 * ({@code PRIVATE KEY}); reading also accepts PKCS#1/SEC1 ({@code RSA/EC PRIVATE KEY}). Key files are
 * written owner-only (0600) where the file system allows. Stateless.
 */
public final class Pem {
    private Pem() {
    }

    public static String toPem(X509Certificate cert) throws PkiException {
        return write(cert);
    }

    public static String toPem(PrivateKey key) throws PkiException {
        try {
            return write(new JcaPKCS8Generator(key, null).generate());
        } catch (Exception e) {
            throw new PkiException("cannot encode a private key: " + e.getMessage());
        }
    }

    private static String write(Object o) throws PkiException {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(o);
        } catch (IOException e) {
            throw new PkiException("cannot encode PEM: " + e.getMessage());
        }
        return sw.toString();
    }

    /** Writes the certificate (world-readable). */
    public static void writeCertificate(Path file, X509Certificate cert) throws PkiException {
        writeFile(file, toPem(cert), false);
    }

    /** Writes the key (owner-only). */
    public static void writePrivateKey(Path file, PrivateKey key) throws PkiException {
        writeFile(file, toPem(key), true);
    }

    private static void writeFile(Path file, String text, boolean secret) throws PkiException {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.deleteIfExists(file);
            if (secret && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new PkiException(file + ": cannot write: " + e.getMessage());
        }
    }

    /** Every certificate in a PEM file, in order. */
    public static List<X509Certificate> readCertificates(Path file) throws PkiException {
        List<X509Certificate> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser p = new PEMParser(r)) {
            JcaX509CertificateConverter conv = new JcaX509CertificateConverter();
            for (Object o = p.readObject(); o != null; o = p.readObject()) {
                if (o instanceof X509CertificateHolder h) {
                    out.add(conv.getCertificate(h));
                }
            }
        } catch (IOException | CertificateException e) {
            throw new PkiException(file + ": not a PEM certificate: " + e.getMessage());
        }
        return out;
    }

    /** The first private key in a PEM file. */
    public static PrivateKey readPrivateKey(Path file) throws PkiException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser p = new PEMParser(r)) {
            JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
            for (Object o = p.readObject(); o != null; o = p.readObject()) {
                if (o instanceof PrivateKeyInfo k) {
                    return conv.getPrivateKey(k);
                }
                if (o instanceof PEMKeyPair kp) {
                    return conv.getKeyPair(kp).getPrivate();
                }
            }
        } catch (IOException e) {
            throw new PkiException(file + ": not a PEM private key");
        }
        throw new PkiException(file + ": no private key found");
    }
}
