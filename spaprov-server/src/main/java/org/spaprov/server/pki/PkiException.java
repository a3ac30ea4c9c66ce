package org.spaprov.server.pki;

/** A certificate or key that cannot be made, read or written; the message names the file. */
public final class PkiException extends Exception {
    private static final long serialVersionUID = 1L;

    public PkiException(String message) {
        super(message, null, false, false);
    }
}
