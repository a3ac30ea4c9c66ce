package org.spaprov.profile.codec;

/**
 * The device's download pipeline (SPEC §3): encoding is XML → optional gzip → optional AES;
 * decoding undoes whatever the file's header says, the way a device does:
 * <ol>
 *   <li>with a key, the file must be {@code Salted__} and is decrypted (a wrong key is
 *       {@code decrypt failed}, never garbage: the plaintext must then be gzip or XML);</li>
 *   <li>a {@code Salted__} file without a key fails ({@code decrypt failed});</li>
 *   <li>gzip is inflated (bounded);</li>
 *   <li>what remains must start with {@code <} (after an optional BOM and white space), else
 *       {@code unsupported format}.</li>
 * </ol>
 * Stateless and thread-safe.
 */
public final class ProfileCodec {
    private ProfileCodec() {
    }

    public static byte[] encode(byte[] xml, boolean gzip, String keyOrNull, Digest md) {
        byte[] data = gzip ? Gzip.compress(xml) : xml;
        return keyOrNull == null ? data : OpenSslAes.encrypt(data, keyOrNull, md);
    }

    public static byte[] decode(byte[] data, String keyOrNull, Digest md) throws CodecException {
        boolean encrypted = OpenSslAes.isEncrypted(data);
        if (keyOrNull != null) {
            if (!encrypted) {
                throw new CodecException(CodecException.Kind.DECRYPT_FAILED,
                        "decrypt failed: a key was given but the file is not encrypted (no Salted__ header)");
            }
            data = OpenSslAes.decrypt(data, keyOrNull, md);
            ProfileFormat inner = ProfileFormat.detect(data);
            if (inner != ProfileFormat.GZIP && inner != ProfileFormat.XML) {
                throw new CodecException(CodecException.Kind.DECRYPT_FAILED,
                        "decrypt failed: wrong key or digest");
            }
        } else if (encrypted) {
            throw new CodecException(CodecException.Kind.KEY_REQUIRED, "decrypt failed: the file is encrypted and no key was given");
        }
        if (Gzip.isGzip(data)) {
            data = Gzip.decompress(data);
        }
        if (ProfileFormat.detect(data) != ProfileFormat.XML) {
            throw new CodecException(CodecException.Kind.UNSUPPORTED_FORMAT,
                    "unsupported format: neither encrypted (Salted__), gzip nor XML");
        }
        return data;
    }
}
