package org.spaprov.profile.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** gzip (RFC 1952) in memory, bounded on the way in. Stateless and thread-safe. */
public final class Gzip {
    /** Largest decompressed size accepted (a zip bomb is "corrupt file"). */
    public static final int MAX_INFLATED = 16 * 1024 * 1024;

    private Gzip() {
    }

    /** True when {@code data} starts with the gzip magic {@code 1F 8B 08}. */
    public static boolean isGzip(byte[] data) {
        return data.length >= 3 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b && data[2] == 8;
    }

    public static byte[] compress(byte[] data) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream(data.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(bos, 8192)) {
            gz.write(data);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory gzip failed", e);
        }
        return bos.toByteArray();
    }

    public static byte[] decompress(byte[] data) throws CodecException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data), 8192)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, data.length * 4));
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > MAX_INFLATED) {
                    throw new CodecException(CodecException.Kind.CORRUPT,
                            "corrupt file: gzip content is larger than " + MAX_INFLATED + " bytes");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new CodecException(CodecException.Kind.CORRUPT, "corrupt file: gzip data is truncated or damaged");
        }
    }
}
