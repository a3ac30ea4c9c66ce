package org.spaprov.server.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals values for storage with AES-256-GCM under the master key: {@code gcm1:} + base64(12-byte
 * random nonce ‖ ciphertext ‖ 16-byte tag). Each value is bound to a context (for example
 * {@code device_keys:000e08aabbcc}), so a sealed value copied to another row does not open.
 * A value without the {@code gcm1:} prefix is a legacy clear value: {@link #open} returns it as is,
 * and {@link #isSealed} lets the store re-seal it. Immutable and thread-safe.
 */
public final class SecretBox {
    /** Prefix of a sealed value. */
    public static final String PREFIX = "gcm1:";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /** @param key 32 bytes (AES-256); copied */
    public SecretBox(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the master key must be 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** True when {@code stored} was written by {@link #seal}. */
    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** {@code plain} sealed for {@code context}. */
    public String seal(String plain, String context) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE + ct.length);
            System.arraycopy(ct, 0, out, NONCE, ct.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /**
     * The clear value of {@code stored} (a legacy clear value as is).
     *
     * @throws SecretException when it was sealed with another master key, for another context, or
     *                         was damaged (the message never quotes the value)
     */
    public String open(String stored, String context) throws SecretException {
        if (!isSealed(stored)) {
            return stored;
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            if (in.length < NONCE + TAG_BITS / 8) {
                throw new SecretException(context + ": sealed value too short");
            }
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(in, NONCE, in.length - NONCE), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SecretException(context + ": sealed value is not base64");
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SecretException(context + ": cannot open a sealed value (another master key?)");
        } catch (GeneralSecurityException e) {
            throw new SecretException(context + ": cannot open a sealed value: " + e.getClass().getSimpleName());
        }
    }
}
