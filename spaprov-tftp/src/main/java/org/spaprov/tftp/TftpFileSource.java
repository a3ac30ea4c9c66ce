package org.spaprov.tftp;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * Where a {@link TftpServer} gets the files clients read (RRQ).
 *
 * <p>{@code path} has passed the server's path policy: it starts with {@code /}, has no
 * {@code .} or {@code ..} segment, no empty segment, no backslash, no drive letter, no NUL or other
 * control character, and is at most 255 bytes. It is otherwise the client's text (a query such as
 * {@code ?mac=...} is kept). Called on a virtual thread, so it may block (database, disk), unless the
 * server runs it inline ({@link TftpServerConfig#inlineSource()}), where it must not block; it must
 * be thread-safe. An exception is answered with ERROR 0 and logged.
 */
@FunctionalInterface
public interface TftpFileSource {

    TftpReadResult open(String path, InetSocketAddress client) throws Exception;

    /**
     * Serves the regular files under {@code root} (like {@code in.tftpd -s root}); files larger
     * than {@code maxSize} bytes are refused with ERROR 3.
     */
    static TftpFileSource directory(Path root, long maxSize) {
        return new DirectoryFiles(root).source(maxSize);
    }
}
