package org.spaprov.server.pki;

/** Key algorithm of a new certificate. */
public enum KeyKind {
    /** RSA 2048 with SHA-256 signatures: what SPA devices and their cipher suites (SPEC §9) use. */
    RSA_2048,
    /** ECDSA P-256: much faster to generate (large emulated fleets). */
    EC_P256
}
