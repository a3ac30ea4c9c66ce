package org.spaprov.tftp.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.concurrent.CountDownLatch;
import org.spaprov.tftp.TftpFileSource;
import org.spaprov.tftp.TftpReadResult;
import org.spaprov.tftp.TftpServer;
import org.spaprov.tftp.TftpServerConfig;
import org.spaprov.tftp.TftpUploadSink;

/**
 * Serves a directory over TFTP until killed, for {@code bench/tftp/run.sh} (like
 * {@code in.tftpd -L -a ADDR:PORT -s DIR}). Usage: {@code ServeDirectory ADDR PORT DIR [IO_THREADS [MODE [TRANSPORT]]]};
 * prints {@code listening on ADDR:PORT (TRANSPORT)} when ready. MODE {@code inline} (the default) loads the files into
 * memory at start and answers on the event loops, as the provisioning server does from its warm profile cache
 * with the embedded store; {@code disk} reads each file per request on a virtual thread.
 */
public final class ServeDirectory {

    private ServeDirectory() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || args.length > 6) {
            System.err.println("usage: ServeDirectory ADDR PORT DIR [IO_THREADS [inline|disk [auto|io_uring|epoll|nio]]]");
            System.exit(2);
        }
        boolean inline = args.length < 5 || args[4].equals("inline");
        TftpServerConfig config = TftpServerConfig.defaults(
                new InetSocketAddress(InetAddress.getByName(args[0]), Integer.parseInt(args[1])))
                .withIoThreads(args.length >= 4 ? Integer.parseInt(args[3]) : 0)
                .withInlineSource(inline)
                .withTransport(args.length >= 6 ? TftpServerConfig.Transport.valueOf(args[5].toUpperCase())
                        : TftpServerConfig.Transport.AUTO);
        Path root = Path.of(args[2]);
        TftpFileSource source = inline ? inMemory(root) : TftpFileSource.directory(root, 64 << 20);
        TftpServer server = TftpServer.start(config, source, TftpUploadSink.REFUSE);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("listening on " + server.localAddress() + " (" + server.transport() + ")");
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /** Every regular file directly under {@code root}, read once; others are not found. */
    private static TftpFileSource inMemory(Path root) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (Stream<Path> list = Files.list(root)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                if (Files.isRegularFile(p)) {
                    files.put("/" + p.getFileName(), Files.readAllBytes(p));
                }
            }
        }
        return (path, client) -> {
            byte[] content = files.get(path);
            return content == null ? TftpReadResult.notFound() : TftpReadResult.found(content);
        };
    }
}
