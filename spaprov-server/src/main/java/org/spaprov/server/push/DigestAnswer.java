package org.spaprov.server.push;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The client side of RFC 2617 digest as the NOTIFY sender answers a device's 401 (RFC 3261 §22.2):
 * MD5 only, {@code qop=auth} when offered, else the RFC 2069 form. The password is only hashed and is
 * in no value this class returns. Pure and thread-safe.
 */
final class DigestAnswer {
    private DigestAnswer() {
    }

    /**
     * The {@code Authorization} value answering {@code challenge} (a {@code WWW-Authenticate} value);
     * empty when it is not an MD5 digest challenge.
     */
    static Optional<String> authorization(String challenge, String method, String uri, String user, String password,
            String cnonce) {
        Map<String, String> c = parse(challenge);
        String realm = c.get("realm");
        String nonce = c.get("nonce");
        if (realm == null || nonce == null || !c.getOrDefault("algorithm", "MD5").equalsIgnoreCase("MD5")) {
            return Optional.empty();
        }
        boolean qop = c.containsKey("qop")
                && Arrays.stream(c.get("qop").split(",")).anyMatch(q -> q.strip().equalsIgnoreCase("auth"));
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + uri);
        String nc = "00000001";
        String response = qop ? md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2)
                : md5(ha1 + ":" + nonce + ":" + ha2);
        StringBuilder b = new StringBuilder("Digest username=\"").append(user).append("\", realm=\"").append(realm)
                .append("\", nonce=\"").append(nonce).append("\", uri=\"").append(uri).append("\", response=\"")
                .append(response).append("\", algorithm=MD5");
        if (c.containsKey("opaque")) {
            b.append(", opaque=\"").append(c.get("opaque")).append('"');
        }
        if (qop) {
            b.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
        }
        return Optional.of(b.toString());
    }

    /** {@code Digest k=v, k="v"} as a lower-case-keyed map; empty when not a digest value. */
    static Map<String, String> parse(String header) {
        Map<String, String> out = new LinkedHashMap<>();
        if (header == null) {
            return out;
        }
        String h = header.strip();
        if (h.length() < 7 || !h.regionMatches(true, 0, "Digest", 0, 6) || !Character.isWhitespace(h.charAt(6))) {
            return out;
        }
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
            int end;
            String value;
            if (i < n && h.charAt(i) == '"') {
                end = h.indexOf('"', i + 1);
                if (end < 0) {
                    return Map.of();
                }
                value = h.substring(i + 1, end);
                i = end + 1;
            } else {
                end = h.indexOf(',', i);
                end = end < 0 ? n : end;
                value = h.substring(i, end).strip();
                i = end;
            }
            out.put(key, value);
        }
        return out;
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 missing from the JDK", e);
        }
    }
}
