package org.spaprov.server.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the admin API's bearer token comes from: the environment variable {@value #ENV} when it is
 * set, else 32 random bytes (URL-safe base64, no padding) made at start and written to
 * {@value #FILE_NAME} in the data directory, readable by the owner only. A new token is made at every
 * start. Immutable; {@link #toString()} never shows the secret.
 *
 * @param secret the token
 * @param file   the file it was written to; empty when it came from {@value #ENV}
 */
public record AdminToken(String secret, Optional<Path> file) {
    /** The environment variable that sets the token. */
    public static final String ENV = "SPAPROV_ADMIN_TOKEN";
    /** The file a generated token is written to, in the data directory. */
    public static final String FILE_NAME = "admin.token";

    public AdminToken {
        Objects.requireNonNull(secret, "secret");
        file = file == null ? Optional.empty() : file;
    }

    /**
     * The token from {@code env} (see {@link #ENV}), else a new one written to
     * {@code dataDir/}{@value #FILE_NAME} (replacing an old one atomically).
     *
     * @throws IOException when the file cannot be written (the message names the file)
     */
    public static AdminToken resolve(Map<String, String> env, Path dataDir, SecureRandom random) throws IOException {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return new AdminToken(fromEnv, Optional.empty());
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Path file = dataDir.toAbsolutePath().normalize().resolve(FILE_NAME);
        try {
            Files.createDirectories(file.getParent());
            // Created owner-only before the secret is written, then moved over any old token.
            Path tmp = Files.createTempFile(file.getParent(), ".admin", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(tmp, secret + "\n", StandardCharsets.US_ASCII);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new IOException(file + ": cannot write the admin token: " + e.getMessage(), e);
        }
        return new AdminToken(secret, Optional.of(file));
    }

    /** Where an operator finds the token: {@code in <file>} or {@code from $SPAPROV_ADMIN_TOKEN}. */
    public String where() {
        return file.map(f -> "in " + f).orElse("from $" + ENV);
    }

    /** Keeps the secret out of logs. */
    @Override
    public String toString() {
        return "AdminToken[" + where() + "]";
    }
}
