package org.spaprov.device.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads PEM certificates and unencrypted PKCS#8 private keys ({@code BEGIN PRIVATE KEY}). */
public final class Pem {
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

    private Pem() {
    }

    /** @throws IOException naming the file when it holds no certificate */
    public static List<X509Certificate> certificates(Path file) throws IOException {
        List<X509Certificate> out = new ArrayList<>();
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (byte[] der : blocks(file, "CERTIFICATE")) {
                out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (GeneralSecurityException e) {
            throw new IOException(file + ": bad certificate: " + e.getMessage());
        }
        if (out.isEmpty()) {
            throw new IOException(file + ": no PEM certificate (-----BEGIN CERTIFICATE-----) found");
        }
        return out;
    }

    /** @throws IOException naming the file when it holds no usable PKCS#8 key */
    public static PrivateKey privateKey(Path file) throws IOException {
        List<byte[]> keys = blocks(file, "PRIVATE KEY");
        if (keys.isEmpty()) {
            throw new IOException(file + ": no unencrypted PKCS#8 key (-----BEGIN PRIVATE KEY-----) found;"
                    + " convert with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8");
        }
        for (String alg : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(keys.get(0)));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IOException(file + ": unsupported private key algorithm (want RSA or EC)");
    }

    private static List<byte[]> blocks(Path file, String type) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        List<byte[]> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(type)) {
                try {
                    out.add(Base64.getMimeDecoder().decode(m.group(2)));
                } catch (IllegalArgumentException e) {
                    throw new IOException(file + ": bad base64 in PEM block " + type);
                }
            }
        }
        return out;
    }
}
