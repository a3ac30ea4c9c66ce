package org.spaprov.server.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an {@code Authorization: Bearer <token>} header and says which {@link Scope}s it holds: every scope
 * for the configured token, the listed ones for a token of {@link AdminTokens}. Comparisons are constant-time
 * over SHA-256 digests, so neither the content nor the length of a token leaks through timing. Thread-safe;
 * holds the token and never shows it.
 */
final class BearerAuth {
    private static final String SCHEME = "Bearer ";
    private final byte[] expected;
    private final Optional<AdminTokens> scoped;

    /** @param token the token, or {@code sha256:<hex>} of it; only it is accepted */
    BearerAuth(String token) {
        this(token, Optional.empty());
    }

    /**
     * @param token  the full-scope token, or {@code sha256:<hex>} of it
     * @param scoped the data directory's scoped tokens
     */
    BearerAuth(String token, Optional<AdminTokens> scoped) {
        this.expected = AdminToken.isHash(token)
                ? HexFormat.of().parseHex(token.substring(AdminToken.HASHED.length())) : sha256(token);
        this.scoped = scoped;
    }

    /** True when {@code header} (may be null) is {@code Bearer <the full-scope token>}. */
    boolean accepts(String header) {
        return scopes(header).filter(s -> s.size() == Scope.values().length).isPresent();
    }

    /**
     * Who holds a token and what it may do.
     *
     * @param name   {@value #FULL_NAME} for the full-scope token, else its name in {@link AdminTokens}
     * @param scopes its scopes
     */
    record Grant(String name, Set<Scope> scopes) {
    }

    /** The name the full-scope token goes by in the log. */
    static final String FULL_NAME = "admin";

    /** The scopes of the token in {@code header} (may be null); empty when it is no known token. */
    Optional<Set<Scope>> scopes(String header) {
        return grant(header).map(Grant::scopes);
    }

    /** The grant of the token in {@code header} (may be null); empty when it is no known token. */
    Optional<Grant> grant(String header) {
        if (header == null || header.length() <= SCHEME.length()
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        byte[] presented = sha256(header.substring(SCHEME.length()).trim());
        if (MessageDigest.isEqual(expected, presented)) {
            return Optional.of(new Grant(FULL_NAME, EnumSet.allOf(Scope.class)));
        }
        if (scoped.isPresent()) {
            for (AdminTokens.Entry e : scoped.get().entries()) {
                byte[] hash = HexFormat.of().parseHex(e.hash().substring(AdminToken.HASHED.length()));
                if (MessageDigest.isEqual(hash, presented)) {
                    return Optional.of(new Grant(e.name(), e.scopes()));
                }
            }
        }
        return Optional.empty();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
