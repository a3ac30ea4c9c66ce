package org.spaprov.profile.codec;

/**
 * A downloaded file that cannot be turned into XML. {@link #errString()} is the device's
 * {@code $ERR} text for it (SPEC §15.23). Messages never contain the key.
 */
public final class CodecException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why decoding failed. */
    public enum Kind {
        /** The file is encrypted ({@code Salted__}) and no key was given. */
        KEY_REQUIRED("decrypt failed"),
        /** Wrong key or digest, or a key given for a file that is not encrypted. */
        DECRYPT_FAILED("decrypt failed"),
        /** Truncated or damaged gzip or ciphertext. */
        CORRUPT("corrupt file"),
        /** Neither {@code Salted__}, gzip nor XML (e.g. an SPC binary). */
        UNSUPPORTED_FORMAT("unsupported format");

        private final String err;

        Kind(String err) {
            this.err = err;
        }

        public String err() {
            return err;
        }
    }

    private final Kind kind;

    public CodecException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The {@code $ERR} string a device logs for this failure. */
    public String errString() {
        return kind.err();
    }
}
