package org.spaprov.server.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the admin API's bearer token comes from: the environment variable {@value #ENV} when it is
 * set; else the token issued earlier, of which the data directory keeps only the SHA-256
 * ({@value #HASH_FILE_NAME}), so it survives restarts; else a new one, 32 random bytes (URL-safe
 * base64, no padding), whose hash is kept and which is handed to the operator once in
 * {@value #FILE_NAME} (owner-only; read it and delete it — the server does not need it). Deleting
 * the hash file and restarting issues a new token. Immutable; {@link #toString()} never shows the
 * secret.
 *
 * @param secret what {@link AdminConfig} checks requests against: the token itself, or
 *               {@code sha256:<64 hex>} of it when only its hash is kept
 * @param file   the file the operator reads the token from; empty when it came from {@value #ENV}
 *               or was issued earlier and its file is gone
 */
public record AdminToken(String secret, Optional<Path> file) {
    /** The environment variable that sets the token. */
    public static final String ENV = "SPAPROV_ADMIN_TOKEN";
    /** The file a newly issued token is handed out in, in the data directory. */
    public static final String FILE_NAME = "admin.token";
    /** The file that keeps the token's SHA-256, in the data directory. */
    public static final String HASH_FILE_NAME = "admin.token.sha256";
    /** Prefix of {@link #secret()} when it is a hash. */
    public static final String HASHED = "sha256:";
    private static final Pattern HASH = Pattern.compile("sha256:[0-9a-f]{64}");

    public AdminToken {
        Objects.requireNonNull(secret, "secret");
        file = file == null ? Optional.empty() : file;
    }

    /**
     * The token from {@code env} (see {@link #ENV}), else the one issued earlier (its hash in
     * {@code dataDir/}{@value #HASH_FILE_NAME}), else a new one (hash kept, token written to
     * {@code dataDir/}{@value #FILE_NAME}).
     *
     * @throws IOException when a file cannot be read or written, or the hash file is damaged (the
     *                     message names the file)
     */
    public static AdminToken resolve(Map<String, String> env, Path dataDir, SecureRandom random) throws IOException {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return new AdminToken(fromEnv, Optional.empty());
        }
        Path dir = dataDir.toAbsolutePath().normalize();
        Path hashFile = dir.resolve(HASH_FILE_NAME);
        Path file = dir.resolve(FILE_NAME);
        if (Files.exists(hashFile)) {
            String hash = Files.readString(hashFile, StandardCharsets.US_ASCII).strip();
            if (!HASH.matcher(hash).matches()) {
                throw new IOException(hashFile + ": not a token hash (delete it and restart for a new token)");
            }
            return new AdminToken(hash, Files.isRegularFile(file) ? Optional.of(file) : Optional.empty());
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            Files.createDirectories(dir);
            ownerOnly(file, secret + "\n");
            ownerOnly(hashFile, hashOf(secret) + "\n");
        } catch (IOException | UnsupportedOperationException e) {
            throw new IOException(file + ": cannot write the admin token: " + e.getMessage(), e);
        }
        return new AdminToken(secret, Optional.of(file));
    }

    /** {@code sha256:<hex>} of a token: the form kept on disk and accepted by {@link AdminConfig}. */
    public static String hashOf(String token) {
        try {
            return HASHED + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** True when {@code s} is the {@code sha256:<hex>} form. */
    static boolean isHash(String s) {
        return HASH.matcher(s).matches();
    }

    /** Created owner-only before the content is written, then moved over any old file. */
    private static void ownerOnly(Path target, String content) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".admin", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(tmp, content, StandardCharsets.US_ASCII);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Where an operator finds the token: {@code in <file>}, {@code from $SPAPROV_ADMIN_TOKEN}, or that it was issued earlier. */
    public String where() {
        if (file.isPresent()) {
            return "in " + file.get();
        }
        return isHash(secret) ? "issued earlier; delete " + HASH_FILE_NAME + " in the data directory and restart for a new one"
                : "from $" + ENV;
    }

    /** Keeps the secret out of logs. */
    @Override
    public String toString() {
        return "AdminToken[" + where() + "]";
    }
}
