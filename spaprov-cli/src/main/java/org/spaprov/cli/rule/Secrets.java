package org.spaprov.cli.rule;

import java.util.Locale;

/**
 * Which values {@code rule eval} hides unless {@code --show-secrets}: keys, and assignments to
 * parameters that hold secrets (GPP_SA..GPP_SD, License_Keys, passwords).
 */
final class Secrets {
    /** What a hidden value prints as; fixed length so the length does not leak. */
    static final String MASK = "********";

    private Secrets() {
    }

    static boolean isSecretParam(String xmlName) {
        String n = xmlName.toLowerCase(Locale.ROOT);
        return n.matches("gpp_s[a-d]") || n.equals("license_keys") || n.contains("password") || n.contains("passwd")
                || n.contains("secret");
    }
}
