package org.spaprov.tftp;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a {@link TftpServer} puts files clients write (WRQ). {@code path} has passed the same
 * policy as for {@link TftpFileSource}. {@link #admit} decides before any buffer is allocated, so a refused
 * WRQ costs nothing but its ERROR; an accepted upload is buffered as its DATA arrives (never sized from the
 * client's {@code tsize}), within the admitted size and the server's total
 * ({@link TftpServerConfig.PeerLimits#uploadBytesTotal()}), then handed to {@link #store}. Both methods run on
 * virtual threads (they may block) and must be thread-safe; an exception is answered with ERROR 0 and logged.
 */
public interface TftpUploadSink {

    /** Refuses every upload with ERROR 2. */
    TftpUploadSink REFUSE = new TftpUploadSink() {
        @Override
        public UploadAdmission admit(String path, InetSocketAddress client) {
            return UploadAdmission.refuse(new TftpRefusal(TftpErrorCode.ACCESS_VIOLATION, "Access violation",
                    "uploads are disabled"));
        }

        @Override
        public Optional<TftpRefusal> store(String path, InetSocketAddress client, byte[] content) {
            return Optional.of(TftpRefusal.accessViolation("Access violation"));
        }
    };

    /**
     * Decides whether a WRQ may start, and up to which size, before any buffer is allocated. By default every
     * upload is admitted up to {@link TftpServerConfig#maxUploadSize()}.
     */
    default UploadAdmission admit(String path, InetSocketAddress client) throws Exception {
        return UploadAdmission.accept();
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
