package org.spaprov.device.sip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Server side of RFC 2617 digest authentication (MD5, {@code qop=auth} offered and optional), shared by
 * the SIP NOTIFY listener and the admin web server.
 *
 * <p>Each {@link #challenge(boolean)} issues a fresh random nonce; a nonce is accepted once, within
 * its lifetime, and then forgotten, so a captured authorised request cannot be replayed. At most
 * {@value #MAX_NONCES} nonces are outstanding (the oldest are dropped). Passwords are only hashed,
 * never stored or logged. Thread-safe.
 */
public final class DigestAuth {
    /** Outstanding nonces kept at most. */
    public static final int MAX_NONCES = 256;

    /** The outcome of {@link #verify}. */
    public enum Result {
        /** Credentials valid; the nonce is now used up. */
        OK,
        /** No (or no parseable) digest credentials: challenge. */
        MISSING,
        /** Not our nonce, expired or already used, or another realm: challenge again (stale). */
        STALE,
        /** Our nonce but wrong user name or password: refuse. */
        WRONG
    }

    private final String realm;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> nonces = new LinkedHashMap<>();

    /**
     * @param realm the realm named in challenges
     * @param clock time source for nonce expiry
     * @param lifetime how long an issued nonce stays valid
     */
    public DigestAuth(String realm, Clock clock, Duration lifetime) {
        this.realm = realm;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public String realm() {
        return realm;
    }

    /** A {@code WWW-Authenticate} value with a fresh nonce. */
    public String challenge(boolean stale) {
        byte[] b = new byte[16];
        random.nextBytes(b);
        String nonce = HexFormat.of().formatHex(b);
        synchronized (nonces) {
            nonces.put(nonce, clock.instant());
            Iterator<String> it = nonces.keySet().iterator();
            while (nonces.size() > MAX_NONCES && it.hasNext()) {
                it.next();
                it.remove();
            }
        }
        return "Digest realm=\"" + realm + "\", nonce=\"" + nonce + "\", algorithm=MD5, qop=\"auth\""
                + (stale ? ", stale=true" : "");
    }

    /**
     * Checks an {@code Authorization} header value against the expected user and password.
     *
     * @param authorization the header value, or null when absent
     * @param method the request method (e.g. {@code NOTIFY}, {@code GET})
     * @param user the expected user name
     * @param password the expected password (only hashed)
     */
    public Result verify(String authorization, String method, String user, String password) {
        return verify(authorization, method, null, user, password);
    }

    /**
     * As {@link #verify(String, String, String, String)}, also requiring the credential's {@code uri}
     * to equal {@code requestUri} (HTTP: the request target as received) when that is not null.
     */
    public Result verify(String authorization, String method, String requestUri, String user, String password) {
        Optional<Map<String, String>> parsed = parse(authorization);
        if (parsed.isEmpty()) {
            return Result.MISSING;
        }
        Map<String, String> p = parsed.get();
        String nonce = p.get("nonce");
        String response = p.get("response");
        String uri = p.get("uri");
        String username = p.get("username");
        if (nonce == null || response == null || uri == null || username == null) {
            return Result.MISSING;
        }
        if (!realm.equals(p.get("realm")) || !takeNonce(nonce)) {
            return Result.STALE;
        }
        String algorithm = p.getOrDefault("algorithm", "MD5");
        if (!algorithm.equalsIgnoreCase("MD5")) {
            return Result.WRONG;
        }
        String ha1 = md5(username + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + uri);
        String qop = p.get("qop");
        String expected;
        if (qop == null) {
            expected = md5(ha1 + ":" + nonce + ":" + ha2);
        } else if (qop.equalsIgnoreCase("auth") && p.containsKey("nc") && p.containsKey("cnonce")) {
            expected = md5(ha1 + ":" + nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":" + qop + ":" + ha2);
        } else {
            return Result.WRONG;
        }
        boolean ok = username.equals(user) && (requestUri == null || requestUri.equals(uri)) && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                response.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        return ok ? Result.OK : Result.WRONG;
    }

    /** Removes the nonce; true when it was ours and still fresh. */
    private boolean takeNonce(String nonce) {
        Instant issued;
        synchronized (nonces) {
            issued = nonces.remove(nonce);
        }
        return issued != null && !clock.instant().isAfter(issued.plus(lifetime));
    }

    /**
     * Parses {@code Digest k=v, k="v", ...} into a lower-case-keyed map; empty when the value is
     * absent or not a digest credential.
     */
    static Optional<Map<String, String>> parse(String header) {
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

    static String md5(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 missing from the JDK", e);
        }
    }
}
