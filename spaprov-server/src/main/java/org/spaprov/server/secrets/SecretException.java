package org.spaprov.server.secrets;

/** A master key that cannot be read or made, or a sealed value that does not open. Never quotes a secret. */
public final class SecretException extends Exception {
    public SecretException(String message) {
        super(message);
    }
}
