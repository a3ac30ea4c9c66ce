package org.spaprov.profile.codec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-CBC in the exact format of {@code openssl enc -aes-256-cbc -k PASS [-md md5|sha256]}
 * (SPEC §3.2): {@code "Salted__"}, an 8-byte random salt, then the PKCS#7-padded ciphertext; key
 * and IV come from {@code EVP_BytesToKey} with one iteration of the chosen digest. JDK crypto only.
 * Stateless and thread-safe.
 */
public final class OpenSslAes {
    static final byte[] MAGIC = "Salted__".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private OpenSslAes() {
    }

    /** True when {@code data} starts with {@code Salted__}. */
    public static boolean isEncrypted(byte[] data) {
        return data.length >= MAGIC.length && Arrays.equals(data, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    public static byte[] encrypt(byte[] plain, String pass, Digest md) {
        byte[] salt = new byte[8];
        RANDOM.nextBytes(salt);
        return encrypt(plain, pass, md, salt);
    }

    /** Encrypts with a given salt (tests and reproducible builds only; real use wants a random salt). */
    public static byte[] encrypt(byte[] plain, String pass, Digest md, byte[] salt) {
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, pass, md, salt);
            byte[] body = c.doFinal(plain);
            byte[] out = new byte[16 + body.length];
            System.arraycopy(MAGIC, 0, out, 0, 8);
            System.arraycopy(salt, 0, out, 8, 8);
            System.arraycopy(body, 0, out, 16, body.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC is not available in this JDK", e);
        }
    }

    /** Decrypts; a wrong key or digest is a {@link CodecException.Kind#DECRYPT_FAILED}. */
    public static byte[] decrypt(byte[] data, String pass, Digest md) throws CodecException {
        if (!isEncrypted(data)) {
            throw new CodecException(CodecException.Kind.DECRYPT_FAILED, "decrypt failed: not an encrypted file (no Salted__ header)");
        }
        if (data.length < 32 || (data.length - 16) % 16 != 0) {
            throw new CodecException(CodecException.Kind.CORRUPT, "corrupt file: encrypted file is truncated");
        }
        try {
            Cipher c = cipher(Cipher.DECRYPT_MODE, pass, md, Arrays.copyOfRange(data, 8, 16));
            return c.doFinal(data, 16, data.length - 16);
        } catch (BadPaddingException e) {
            throw new CodecException(CodecException.Kind.DECRYPT_FAILED, "decrypt failed: wrong key or digest");
        } catch (GeneralSecurityException e) {
            throw new CodecException(CodecException.Kind.CORRUPT, "corrupt file: encrypted file is damaged");
        }
    }

    private static Cipher cipher(int mode, String pass, Digest md, byte[] salt) throws GeneralSecurityException {
        byte[] keyIv = bytesToKey(pass.getBytes(StandardCharsets.UTF_8), salt, md, 48);
        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
        c.init(mode, new SecretKeySpec(keyIv, 0, 32, "AES"), new IvParameterSpec(keyIv, 32, 16));
        Arrays.fill(keyIv, (byte) 0);
        return c;
    }

    /** OpenSSL's EVP_BytesToKey, one iteration: D_i = H(D_{i-1} || pass || salt). */
    static byte[] bytesToKey(byte[] pass, byte[] salt, Digest md, int length) throws GeneralSecurityException {
        MessageDigest h = MessageDigest.getInstance(md.jca());
        byte[] out = new byte[length];
        byte[] prev = new byte[0];
        int filled = 0;
        while (filled < length) {
            h.update(prev);
            h.update(pass);
            h.update(salt);
            prev = h.digest();
            int n = Math.min(prev.length, length - filled);
            System.arraycopy(prev, 0, out, filled, n);
            filled += n;
        }
        return out;
    }
}
