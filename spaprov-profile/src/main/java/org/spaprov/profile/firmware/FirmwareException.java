package org.spaprov.profile.firmware;

/** A firmware image that cannot be read: the message says why ({@code corrupt image: ...}). */
public final class FirmwareException extends Exception {
    private static final long serialVersionUID = 1L;

    public FirmwareException(String message) {
        super(message, null, false, false);
    }
}
