package org.spaprov.profile.firmware;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * spaprov's firmware image format, standing in for real SPA loads (whose format is closed):
 * <pre>
 *   SPAFW1\n
 *   model: spa2102\n
 *   version: 5.2.12\n
 *   length: 4096\n
 *   sha256: &lt;64 hex digits of the payload&gt;\n
 *   \n
 *   &lt;payload: length bytes&gt;
 * </pre>
 * The header is ASCII and at most {@value #MAX_HEADER} bytes. {@link #parse} checks the magic,
 * every field, the length and the checksum; whether the model fits is the device's decision.
 */
public record FirmwareImage(String model, String version, int payloadLength) {
    public static final String MAGIC = "SPAFW1";
    public static final int MAX_HEADER = 1024;

    public static byte[] make(String model, String version, byte[] payload) {
        if (!model.matches("[A-Za-z0-9._-]{1,32}") || !version.matches("[A-Za-z0-9.()_-]{1,32}")) {
            throw new IllegalArgumentException("model and version must be 1-32 characters of [A-Za-z0-9.()_-]");
        }
        String header = MAGIC + "\nmodel: " + model + "\nversion: " + version + "\nlength: " + payload.length
                + "\nsha256: " + HexFormat.of().formatHex(sha256(payload, 0, payload.length)) + "\n\n";
        byte[] h = header.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[h.length + payload.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(payload, 0, out, h.length, payload.length);
        return out;
    }

    public static FirmwareImage parse(byte[] image) throws FirmwareException {
        int end = headerEnd(image);
        String[] lines = new String(image, 0, end, StandardCharsets.US_ASCII).split("\n");
        if (lines.length == 0 || !MAGIC.equals(lines[0])) {
            throw new FirmwareException("corrupt image: not a spaprov firmware image (no " + MAGIC + " header)");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(": ");
            if (colon <= 0) {
                throw new FirmwareException("corrupt image: bad header line " + (i + 1));
            }
            fields.put(lines[i].substring(0, colon), lines[i].substring(colon + 2));
        }
        String model = need(fields, "model");
        String version = need(fields, "version");
        long length;
        try {
            length = Long.parseLong(need(fields, "length"));
        } catch (NumberFormatException e) {
            throw new FirmwareException("corrupt image: length is not a number");
        }
        int payloadStart = end + 2;
        if (length < 0 || payloadStart + length != image.length) {
            throw new FirmwareException("corrupt image: payload is " + (image.length - payloadStart)
                    + " bytes, header says " + length);
        }
        String want = need(fields, "sha256");
        String got = HexFormat.of().formatHex(sha256(image, payloadStart, (int) length));
        if (!got.equalsIgnoreCase(want)) {
            throw new FirmwareException("corrupt image: checksum mismatch");
        }
        return new FirmwareImage(model, version, (int) length);
    }

    private static int headerEnd(byte[] image) throws FirmwareException {
        int limit = Math.min(image.length - 1, MAX_HEADER);
        for (int i = 0; i < limit; i++) {
            if (image[i] == '\n' && image[i + 1] == '\n') {
                return i;
            }
        }
        throw new FirmwareException("corrupt image: no header end within " + MAX_HEADER + " bytes");
    }

    private static String need(Map<String, String> fields, String key) throws FirmwareException {
        String v = fields.get(key);
        if (v == null || v.isEmpty()) {
            throw new FirmwareException("corrupt image: header field '" + key + "' is missing");
        }
        return v;
    }

    private static byte[] sha256(byte[] data, int off, int len) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(data, off, len);
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
