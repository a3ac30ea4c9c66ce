package org.spaprov.server.store;

/** The store cannot be opened or migrated; the message names the URL (credentials hidden). */
public final class StoreException extends Exception {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message, null, false, false);
    }
}
