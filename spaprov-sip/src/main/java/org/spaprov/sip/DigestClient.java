package org.spaprov.sip;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Client side of RFC 2617 digest authentication as a SIP UA answers a 401/407 (RFC 3261 §22.2):
 * MD5 only; {@code qop=auth} when the challenge offers it, else the RFC 2069 form. The password
 * is only hashed and appears in no value this class returns. Pure and thread-safe.
 */
public final class DigestClient {
    private DigestClient() {
    }

    /**
     * The {@code Authorization} (or {@code Proxy-Authorization}) value answering {@code challenge}.
     *
     * @param challenge the {@code WWW-Authenticate}/{@code Proxy-Authenticate} value
     * @param method the request method, e.g. {@code REGISTER}
     * @param uri the request URI, e.g. {@code sip:proxy.example.com}
     * @param cnonce a fresh client nonce (used with {@code qop=auth})
     * @param nc the nonce count, 1 for the first use of this nonce
     * @return empty when the challenge is not an MD5 digest challenge we can answer
     */
    public static Optional<String> authorization(String challenge, String method, String uri, String user,
            String password, String cnonce, int nc) {
        Optional<Map<String, String>> parsed = DigestHeaders.parse(challenge);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> c = parsed.get();
        String realm = c.get("realm");
        String nonce = c.get("nonce");
        String algorithm = c.getOrDefault("algorithm", "MD5");
        if (realm == null || nonce == null || !algorithm.equalsIgnoreCase("MD5")) {
            return Optional.empty();
        }
        boolean qopAuth = c.containsKey("qop")
                && java.util.Arrays.stream(c.get("qop").split(",")).anyMatch(q -> q.strip().equalsIgnoreCase("auth"));
        String ha1 = DigestHeaders.md5(user + ":" + realm + ":" + password);
        String ha2 = DigestHeaders.md5(method + ":" + uri);
        String ncHex = String.format(Locale.ROOT, "%08x", nc);
        String response = qopAuth ? DigestHeaders.md5(ha1 + ":" + nonce + ":" + ncHex + ":" + cnonce + ":auth:" + ha2)
                : DigestHeaders.md5(ha1 + ":" + nonce + ":" + ha2);
        StringBuilder b = new StringBuilder("Digest username=\"").append(user).append("\", realm=\"").append(realm)
                .append("\", nonce=\"").append(nonce).append("\", uri=\"").append(uri).append("\", response=\"")
                .append(response).append("\", algorithm=MD5");
        if (c.containsKey("opaque")) {
            b.append(", opaque=\"").append(c.get("opaque")).append('"');
        }
        if (qopAuth) {
            b.append(", qop=auth, nc=").append(ncHex).append(", cnonce=\"").append(cnonce).append('"');
        }
        return Optional.of(b.toString());
    }
}
