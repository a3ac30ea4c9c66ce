package org.spaprov.cli.rule;

import org.spaprov.profile.catalog.Catalogs;

/**
 * Which values {@code rule eval} hides unless {@code --show-secrets}: keys, and assignments to
 * parameters the catalogs flag secret ({@link Catalogs#isSecret}: GPP_SA..GPP_SD, License_Keys,
 * passwords, PINs, private keys).
 */
final class Secrets {
    /** What a hidden value prints as; fixed length so the length does not leak. */
    static final String MASK = "********";

    private Secrets() {
    }

    static boolean isSecretParam(String xmlName) {
        return Catalogs.isSecret(xmlName);
    }
}
