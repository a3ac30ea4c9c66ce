package org.spaprov.tftp;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a {@link TftpServer} puts files clients write (WRQ). {@code path} has passed the same
 * policy as for {@link TftpFileSource}. Both methods run on virtual threads (they may block) and
 * must be thread-safe; an exception is answered with ERROR 0 and logged.
 */
public interface TftpUploadSink {

    /** Refuses every upload with ERROR 2. */
    TftpUploadSink REFUSE = new TftpUploadSink() {
        @Override
        public Optional<TftpRefusal> admit(String path, InetSocketAddress client) {
            return Optional.of(TftpRefusal.accessViolation("uploads are disabled"));
        }

        @Override
        public Optional<TftpRefusal> store(String path, InetSocketAddress client, byte[] content) {
            return admit(path, client);
        }
    };

    /** Decides before any data flows; empty accepts. By default every upload is admitted. */
    default Optional<TftpRefusal> admit(String path, InetSocketAddress client) throws Exception {
        return Optional.empty();
    }

    /**
     * Stores a complete upload (at most {@link TftpServerConfig#maxUploadSize()} bytes). A refusal is
     * sent as ERROR instead of the final ACK, so the client learns the upload failed.
     */
    Optional<TftpRefusal> store(String path, InetSocketAddress client, byte[] content) throws Exception;

    /** Writes uploads as files under {@code root} (replacing existing ones; directories must exist). */
    static TftpUploadSink directory(Path root) {
        return new DirectoryFiles(root).sink();
    }
}
