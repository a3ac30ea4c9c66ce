package org.spaprov.device.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * spaprov's firmware image format (BRIEF): ASCII header lines {@code SPAFW1}, {@code model: M},
 * {@code version: V}, {@code length: N}, {@code sha256: HEX}, an empty line, then N payload bytes.
 */
public final class FirmwareFormat {
    /** Longest header accepted before the image is called corrupt. */
    static final int MAX_HEADER = 1024;

    /** What the header says, after the payload checked out. */
    public record Image(String model, String version, long payloadLength) { }

    private FirmwareFormat() {
    }

    public static byte[] make(String model, String version, byte[] payload) {
        String header = "SPAFW1\nmodel: " + model + "\nversion: " + version + "\nlength: " + payload.length
                + "\nsha256: " + HexFormat.of().formatHex(sha256(payload, 0, payload.length)) + "\n\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(header.length() + payload.length);
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** @throws IllegalArgumentException {@code corrupt image: ...} */
    public static Image parse(byte[] image) {
        int end = -1;
        for (int i = 0; i + 1 < Math.min(image.length, MAX_HEADER); i++) {
            if (image[i] == '\n' && image[i + 1] == '\n') {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw new IllegalArgumentException("corrupt image: no header");
        }
        String[] lines = new String(image, 0, end, StandardCharsets.US_ASCII).split("\n");
        if (lines.length != 5 || !lines[0].equals("SPAFW1")) {
            throw new IllegalArgumentException("corrupt image: not an SPAFW1 image");
        }
        String model = field(lines[1], "model");
        String version = field(lines[2], "version");
        long length;
        try {
            length = Long.parseLong(field(lines[3], "length"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("corrupt image: bad length");
        }
        int start = end + 2;
        if (length != image.length - start) {
            throw new IllegalArgumentException("corrupt image: payload is " + (image.length - start)
                    + " bytes, header says " + length);
        }
        byte[] want;
        try {
            want = HexFormat.of().parseHex(field(lines[4], "sha256"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("corrupt image: bad sha256");
        }
        if (!Arrays.equals(want, sha256(image, start, image.length - start))) {
            throw new IllegalArgumentException("corrupt image: checksum mismatch");
        }
        return new Image(model, version, length);
    }

    private static String field(String line, String name) {
        if (!line.startsWith(name + ": ") || line.length() == name.length() + 2) {
            throw new IllegalArgumentException("corrupt image: bad '" + name + "' line");
        }
        return line.substring(name.length() + 2);
    }

    private static byte[] sha256(byte[] b, int off, int len) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(b, off, len);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
