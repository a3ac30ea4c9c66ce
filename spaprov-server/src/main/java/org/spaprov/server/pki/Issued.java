package org.spaprov.server.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/** A certificate with its private key (the key is a secret: never logged). Immutable. */
public record Issued(X509Certificate certificate, PrivateKey key) {
    public Issued {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(key, "key");
    }

    @Override
    public String toString() {
        return "Issued[" + certificate.getSubjectX500Principal().getName() + "]";
    }
}
