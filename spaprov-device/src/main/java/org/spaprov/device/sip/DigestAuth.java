package org.spaprov.device.sip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
import org.spaprov.sip.DigestHeaders;

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
        Optional<Map<String, String>> parsed = DigestHeaders.parse(authorization);
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
        String ha1 = DigestHeaders.md5(username + ":" + realm + ":" + password);
        String ha2 = DigestHeaders.md5(method + ":" + uri);
        String qop = p.get("qop");
        String expected;
        if (qop == null) {
            expected = DigestHeaders.md5(ha1 + ":" + nonce + ":" + ha2);
        } else if (qop.equalsIgnoreCase("auth") && p.containsKey("nc") && p.containsKey("cnonce")) {
            expected = DigestHeaders.md5(ha1 + ":" + nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":" + qop + ":" + ha2);
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
}
