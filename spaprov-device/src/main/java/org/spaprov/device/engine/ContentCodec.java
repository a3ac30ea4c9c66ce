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

    /** spaprov-profile's {@link org.spaprov.profile.codec.ProfileCodec} with the MD5 digest of v3.0 devices. */
    static ContentCodec builtin() {
        return (data, key) -> {
            try {
                return org.spaprov.profile.codec.ProfileCodec.decode(data, key, org.spaprov.profile.codec.Digest.MD5);
            } catch (org.spaprov.profile.codec.CodecException e) {
                throw new DecodeException(e.errString());
            }
        };
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
