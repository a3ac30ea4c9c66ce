package org.spaprov.server.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The scoped admin tokens of a data directory, kept hashed in {@value #FILE_NAME}: one token per line,
 * {@code sha256:<hex> <scopes> <name>} ({@code sha256:9f… read,push ops}); {@code #} lines are comments.
 * {@link #create} issues one and returns it, the only time it is seen; deleting its line revokes it.
 * The server re-reads the file when it changes, so neither needs a restart.
 *
 * <p>Thread-safe. A damaged line is skipped with its line number in {@link #problems()} (never its content).
 */
public final class AdminTokens {
    /** The file, in the data directory. */
    public static final String FILE_NAME = "admin.tokens";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /**
     * One issued token.
     *
     * @param hash   {@code sha256:<hex>} of the token
     * @param scopes what it may do
     * @param name   the operator's name for it
     */
    public record Entry(String hash, Set<Scope> scopes, String name) {
        public Entry {
            Objects.requireNonNull(hash, "hash");
            scopes = Set.copyOf(scopes);
            Objects.requireNonNull(name, "name");
        }
    }

    private final Path file;
    private volatile Snapshot snapshot = new Snapshot(null, -1, List.of(), List.of());

    private record Snapshot(FileTime modified, long size, List<Entry> entries, List<String> problems) {
    }

    /** The tokens of {@code dataDir} (the file may not exist yet). */
    public AdminTokens(Path dataDir) {
        this.file = dataDir.toAbsolutePath().normalize().resolve(FILE_NAME);
    }

    /** The tokens as the file holds them now (re-read when its time or size changed). */
    public List<Entry> entries() {
        return current().entries();
    }

    /** Lines that were skipped, as {@code admin.tokens:LINE: why}. */
    public List<String> problems() {
        return current().problems();
    }

    /**
     * Issues a token: 32 random bytes (URL-safe base64), whose hash, scopes and name are appended to the file.
     *
     * @return the token (shown once; the file keeps only its hash)
     * @throws IllegalArgumentException when the name is not 1..64 of {@code A-Z a-z 0-9 _ . -} or already used
     * @throws IOException              when the file cannot be written (the message names it)
     */
    public synchronized String create(Set<Scope> scopes, String name, SecureRandom random) throws IOException {
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a token needs at least one scope (read, write, push)");
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("token name: 1..64 letters, digits, '_', '.' or '-', got '"
                    + (name.length() > 64 ? name.substring(0, 64) + "..." : name) + "'");
        }
        if (entries().stream().anyMatch(e -> e.name().equals(name))) {
            throw new IllegalArgumentException("a token named '" + name + "' exists; delete its line in " + file
                    + " first, or pick another name");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String old;
        try {
            old = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            old = "# spaprov admin tokens: sha256 scopes name (delete a line to revoke its token)\n";
        }
        if (!old.isEmpty() && !old.endsWith("\n")) {
            old += "\n";
        }
        String line = AdminToken.hashOf(token) + " " + Scope.format(scopes) + " " + name + "\n";
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".admin", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(tmp, old + line, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new IOException(file + ": cannot write: " + e.getMessage(), e);
        }
        return token;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        FileTime modified;
        long size;
        try {
            modified = Files.getLastModifiedTime(file);
            size = Files.size(file);
        } catch (IOException e) {
            // No file: no scoped tokens (the environment's token still works).
            return s.modified == null ? s : (snapshot = new Snapshot(null, -1, List.of(), List.of()));
        }
        if (modified.equals(s.modified()) && size == s.size()) {
            return s;
        }
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return s;
        }
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] parts = l.split("\\s+");
            try {
                if (parts.length != 3 || !AdminToken.isHash(parts[0]) || !NAME.matcher(parts[2]).matches()) {
                    throw new IllegalArgumentException("expected 'sha256:<64 hex> <scopes> <name>'");
                }
                entries.add(new Entry(parts[0], Scope.parseList(parts[1]), parts[2]));
            } catch (IllegalArgumentException e) {
                problems.add(FILE_NAME + ":" + (i + 1) + ": " + e.getMessage());
            }
        }
        Snapshot fresh = new Snapshot(modified, size, List.copyOf(entries), List.copyOf(problems));
        snapshot = fresh;
        return fresh;
    }
}
