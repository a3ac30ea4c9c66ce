package org.spaprov.profile.codec;

/**
 * The message digest of OpenSSL's {@code EVP_BytesToKey} ({@code openssl enc -md}). SPA firmware
 * expects MD5 (the default of openssl before 1.1.0); SHA-256 is the default of newer openssl.
 */
public enum Digest {
    MD5("MD5"),
    SHA256("SHA-256");

    private final String jca;

    Digest(String jca) {
        this.jca = jca;
    }

    /** The JCA algorithm name. */
    public String jca() {
        return jca;
    }
}
