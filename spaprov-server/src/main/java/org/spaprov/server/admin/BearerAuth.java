package org.spaprov.server.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks an {@code Authorization: Bearer <token>} header against the configured token. The
 * comparison is constant-time over SHA-256 digests of both, so neither the content nor the length of
 * the token leaks through timing. Thread-safe; holds the token and never shows it.
 */
final class BearerAuth {
    private static final String SCHEME = "Bearer ";
    private final byte[] expected;

    /** @param token the token, or {@code sha256:<hex>} of it */
    BearerAuth(String token) {
        this.expected = AdminToken.isHash(token)
                ? java.util.HexFormat.of().parseHex(token.substring(AdminToken.HASHED.length())) : sha256(token);
    }

    /** True when {@code header} (may be null) is {@code Bearer <the token>}. */
    boolean accepts(String header) {
        if (header == null || header.length() <= SCHEME.length()
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        return MessageDigest.isEqual(expected, sha256(header.substring(SCHEME.length()).trim()));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
