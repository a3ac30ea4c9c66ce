package org.spaprov.device.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * SPEC §3.2/§3.3 with the JDK: openssl {@code enc -aes-256-cbc -md md5} (EVP_BytesToKey, one
 * iteration), gzip bounded to {@link #MAX_XML} bytes, then an XML check.
 */
final class FallbackCodec implements ContentCodec {
    static final FallbackCodec INSTANCE = new FallbackCodec();
    /** Largest decompressed profile accepted (a gzip bomb fails as "corrupt file"). */
    static final int MAX_XML = 8 << 20;
    private static final byte[] SALTED = "Salted__".getBytes(StandardCharsets.US_ASCII);

    private FallbackCodec() {
    }

    @Override
    public byte[] decode(byte[] data, String key) throws DecodeException {
        byte[] d = data;
        boolean salted = startsWith(d, SALTED);
        if (key != null) {
            if (!salted) {
                throw new DecodeException("decrypt failed");
            }
            d = decrypt(d, key);
        } else if (salted) {
            throw new DecodeException("decrypt failed");
        }
        if (d.length >= 3 && (d[0] & 0xff) == 0x1f && (d[1] & 0xff) == 0x8b && d[2] == 8) {
            d = gunzip(d);
        }
        int i = 0;
        if (d.length >= 3 && (d[0] & 0xff) == 0xef && (d[1] & 0xff) == 0xbb && (d[2] & 0xff) == 0xbf) {
            i = 3;
        }
        while (i < d.length && (d[i] == ' ' || d[i] == '\t' || d[i] == '\r' || d[i] == '\n')) {
            i++;
        }
        if (i >= d.length || d[i] != '<') {
            throw new DecodeException(key != null ? "decrypt failed" : "unsupported format");
        }
        return d;
    }

    private static byte[] decrypt(byte[] d, String pass) throws DecodeException {
        if (d.length < 32 || (d.length - 16) % 16 != 0) {
            throw new DecodeException("decrypt failed");
        }
        try {
            byte[] salt = Arrays.copyOfRange(d, 8, 16);
            byte[] p = pass.getBytes(StandardCharsets.ISO_8859_1);
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] keyIv = new byte[48];
            byte[] prev = new byte[0];
            for (int off = 0; off < 48; off += 16) {
                md5.update(prev);
                md5.update(p);
                md5.update(salt);
                prev = md5.digest();
                System.arraycopy(prev, 0, keyIv, off, 16);
            }
            Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keyIv, 0, 32, "AES"), new IvParameterSpec(keyIv, 32, 16));
            return c.doFinal(d, 16, d.length - 16);
        } catch (GeneralSecurityException e) {
            throw new DecodeException("decrypt failed");
        }
    }

    private static byte[] gunzip(byte[] d) throws DecodeException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(d))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(d.length * 4);
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > MAX_XML) {
                    throw new DecodeException("corrupt file");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new DecodeException("corrupt file");
        }
    }

    private static boolean startsWith(byte[] d, byte[] prefix) {
        return d.length >= prefix.length && Arrays.equals(d, 0, prefix.length, prefix, 0, prefix.length);
    }
}
