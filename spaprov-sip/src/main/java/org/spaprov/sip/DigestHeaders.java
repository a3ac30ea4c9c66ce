package org.spaprov.sip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The pieces of HTTP/SIP digest authentication (RFC 2617) both sides use: header parsing and MD5. Pure. */
public final class DigestHeaders {
    private DigestHeaders() {
    }

    /**
     * Parses {@code Digest k=v, k="v", ...} into a lower-case-keyed map; empty when the value is
     * absent or not a digest credential.
     */
    public static Optional<Map<String, String>> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String h = header.strip();
        if (h.length() < 7 || !h.regionMatches(true, 0, "Digest", 0, 6) || !Character.isWhitespace(h.charAt(6))) {
            return Optional.empty();
        }
        Map<String, String> out = new LinkedHashMap<>();
        int i = 7;
        int n = h.length();
        while (i < n) {
            while (i < n && (h.charAt(i) == ',' || Character.isWhitespace(h.charAt(i)))) {
                i++;
            }
            int eq = h.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = h.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            i = eq + 1;
            while (i < n && Character.isWhitespace(h.charAt(i))) {
                i++;
            }
            String value;
            if (i < n && h.charAt(i) == '"') {
                int end = h.indexOf('"', i + 1);
                if (end < 0) {
                    return Optional.empty();
                }
                value = h.substring(i + 1, end);
                i = end + 1;
            } else {
                int end = h.indexOf(',', i);
                end = end < 0 ? n : end;
                value = h.substring(i, end).strip();
                i = end;
            }
            out.put(key, value);
        }
        return Optional.of(out);
    }

    public static String md5(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 missing from the JDK", e);
        }
    }
}
