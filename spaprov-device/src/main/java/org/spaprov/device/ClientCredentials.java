package org.spaprov.device;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** A device's client certificate chain (leaf first) and its private key, for HTTPS (SPEC §9). */
public record ClientCredentials(List<X509Certificate> chain, PrivateKey key) {
    public ClientCredentials {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("client certificate chain is empty");
        }
    }

    @Override
    public String toString() {
        return "ClientCredentials[" + chain.get(0).getSubjectX500Principal() + "]"; // never the key
    }
}
