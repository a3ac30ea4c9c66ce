package org.spaprov.device.engine;

/**
 * Turns downloaded bytes into profile XML (SPEC §3.3): decrypt when a key is given ({@code Salted__}
 * openssl format, MD5 key derivation), gunzip when gzip, then require XML.
 */
public interface ContentCodec {
    /**
     * @param key the expanded {@code --key} argument, or null
     * @throws DecodeException with the SPEC §15.23 $ERR text
     */
    byte[] decode(byte[] data, String key) throws DecodeException;

    /** The built-in JDK implementation. */
    static ContentCodec builtin() {
        return FallbackCodec.INSTANCE;
    }

    /** A download that cannot be turned into XML; {@link #err()} is the $ERR string. */
    final class DecodeException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String err;

        public DecodeException(String err) {
            super(err, null, false, false);
            this.err = err;
        }

        public String err() {
            return err;
        }
    }
}
