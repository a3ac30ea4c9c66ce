package org.spaprov.server.secrets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keeps the data directory private: the directory 0700, every regular file directly in it (the H2
 * store, the master key, the admin token) 0600. On a file system without POSIX permissions it does
 * nothing. Stateless.
 */
public final class DataDir {
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private DataDir() {
    }

    /** Creates {@code dir} when missing, then restricts it and the files in it. */
    public static void secure(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR));
            } catch (UnsupportedOperationException e) {
                Files.createDirectories(dir);
            }
        }
        restrict(dir, true);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    restrict(f, false);
                }
            }
        }
    }

    /** Sets 0700 (directory) or 0600 (file) where POSIX permissions exist. */
    static void restrict(Path p, boolean directory) throws IOException {
        try {
            Files.setPosixFilePermissions(p, directory ? DIR : FILE);
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: nothing to restrict.
        }
    }
}
