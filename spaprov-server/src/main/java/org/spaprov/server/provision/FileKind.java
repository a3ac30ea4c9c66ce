package org.spaprov.server.provision;

/** What a request path names. */
public enum FileKind {
    /** A per-device profile ({@code spa$MA.xml}, {@code ?mac=$MA}). */
    PROFILE,
    /** The generic bootstrap profile ({@code spa$PSN.cfg}). */
    BOOTSTRAP,
    /** A firmware image under {@code /firmware/}. */
    FIRMWARE
}
