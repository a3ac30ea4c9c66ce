package org.spaprov.server.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Where the master key of the store's secrets comes from: the environment variable
 * {@value #ENV} (base64 of 32 bytes; for several nodes sharing one PostgreSQL store), else the file
 * {@value #FILE} in the data directory, made (32 random bytes, mode 0600) on first start. Stateless.
 */
public final class MasterKey {
    /** The environment variable that holds the key (base64 of 32 bytes). */
    public static final String ENV = "SPAPROV_MASTER_KEY";
    /** The key file in the data directory. */
    public static final String FILE = "master.key";

    private MasterKey() {
    }

    /**
     * The box for {@code dataDir}, from {@code env} ({@link System#getenv()} in production) or the key
     * file, creating the file when neither exists.
     *
     * @throws SecretException one line: a malformed variable or file, or a file that cannot be written
     */
    public static SecretBox load(Path dataDir, Map<String, String> env) throws SecretException {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new SecretBox(decode(fromEnv, ENV));
        }
        Path file = dataDir.resolve(FILE);
        try {
            Optional<byte[]> existing = read(file);
            if (existing.isPresent()) {
                DataDir.restrict(file, false);
                return new SecretBox(existing.get());
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            write(file, Base64.getEncoder().encodeToString(key) + "\n");
            return new SecretBox(key);
        } catch (IOException e) {
            throw new SecretException(file + ": cannot read or create the master key: " + e.getMessage());
        }
    }

    /** A new random key in the form {@value #ENV} takes. */
    public static String generate() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static Optional<byte[]> read(Path file) throws IOException, SecretException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file) || Files.size(file) > 1024) {
            throw new SecretException(file + ": not a master key file");
        }
        return Optional.of(decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString()));
    }

    private static void write(Path file, String text) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("appeared while being created");
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static byte[] decode(String text, String where) throws SecretException {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            throw new SecretException(where + ": the master key must be base64 of 32 bytes");
        }
        if (key.length != 32) {
            throw new SecretException(where + ": the master key must be base64 of 32 bytes, not " + key.length);
        }
        return key;
    }
}
