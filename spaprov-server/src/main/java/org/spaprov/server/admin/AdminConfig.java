package org.spaprov.server.admin;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Settings of the {@link AdminServer}, validated on construction (so at start-up). Immutable.
 *
 * @param bind  the address to listen on (the serve bind address)
 * @param port  0 = any free port, else 1..65535 (a disabled admin API has no config at all)
 * @param token the bearer token every route but health needs: at least {@value #MIN_TOKEN_LENGTH}
 *              characters of the RFC 6750 {@code b64token} alphabet, or {@code sha256:<64 hex>} of
 *              such a token ({@link AdminToken#hashOf}); never logged, never in
 *              {@link #toString()} or an error message
 */
public record AdminConfig(String bind, int port, String token) {
    /** Shortest token accepted (the generated ones are 43 characters). */
    public static final int MIN_TOKEN_LENGTH = 16;
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]+=*");

    public AdminConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(token, "token");
        if (bind.isBlank()) {
            throw new IllegalArgumentException("admin: the bind address is empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("admin: port must be 0 (any free) or 1..65535, got " + port);
        }
        // A sha256:<hex> token is the kept hash of one issued earlier (AdminToken); it passed these checks then.
        if (!AdminToken.isHash(token) && token.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("admin: the token must be at least " + MIN_TOKEN_LENGTH + " characters");
        }
        if (!AdminToken.isHash(token) && !B64TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException(
                    "admin: the token may only hold letters, digits and - . _ ~ + / (then = padding)");
        }
    }

    /** Keeps the token out of logs. */
    @Override
    public String toString() {
        return "AdminConfig[bind=" + bind + ", port=" + port + ", token=***]";
    }
}
