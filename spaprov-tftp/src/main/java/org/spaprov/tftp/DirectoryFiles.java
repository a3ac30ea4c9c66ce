package org.spaprov.tftp;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** A directory as file source and upload sink, confined to its root (package-private). */
final class DirectoryFiles {

    private final Path root;

    DirectoryFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The file for a policy-checked path, or null when it would leave the root. */
    private Path resolve(String path) {
        Path p = root.resolve(path.startsWith("/") ? path.substring(1) : path).normalize();
        return p.startsWith(root) && !p.equals(root) ? p : null;
    }

    TftpFileSource source(long maxSize) {
        return (path, client) -> {
            Path file = resolve(path);
            if (file == null || !Files.isRegularFile(file)) {
                return TftpReadResult.notFound();
            }
            try {
                if (Files.size(file) > maxSize) {
                    return TftpReadResult.refused(TftpErrorCode.DISK_FULL, "file too large");
                }
                return TftpReadResult.found(Files.readAllBytes(file));
            } catch (NoSuchFileException e) {
                return TftpReadResult.notFound();
            } catch (AccessDeniedException e) {
                return TftpReadResult.refused(TftpErrorCode.ACCESS_VIOLATION, "Permission denied");
            }
        };
    }

    TftpUploadSink sink() {
        return new TftpUploadSink() {
            @Override
            public UploadAdmission admit(String path, java.net.InetSocketAddress client) {
                return writable(path) ? UploadAdmission.accept() : UploadAdmission.refuse(refusal());
            }

            private boolean writable(String path) {
                Path file = resolve(path);
                return file != null && Files.isDirectory(file.getParent());
            }

            private TftpRefusal refusal() {
                return new TftpRefusal(TftpErrorCode.ACCESS_VIOLATION, "Access violation", "cannot write there");
            }

            @Override
            public Optional<TftpRefusal> store(String path, java.net.InetSocketAddress client, byte[] content)
                    throws IOException {
                if (!writable(path)) {
                    return Optional.of(refusal());
                }
                Path file = resolve(path);
                // Write beside the target, then rename, so readers never see half a file.
                Path tmp = Files.createTempFile(file.getParent(), ".upload-", ".tmp");
                try {
                    Files.write(tmp, content);
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
                return Optional.empty();
            }
        };
    }
}
