package org.spaprov.tftp.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.spaprov.tftp.TftpFileSource;
import org.spaprov.tftp.TftpServer;
import org.spaprov.tftp.TftpServerConfig;
import org.spaprov.tftp.TftpUploadSink;

/**
 * Serves a directory over TFTP until killed, for {@code bench/tftp/run.sh} (like
 * {@code in.tftpd -L -a ADDR:PORT -s DIR}). Usage: {@code ServeDirectory ADDR PORT DIR [IO_THREADS]}; prints
 * {@code listening on ADDR:PORT} when ready.
 */
public final class ServeDirectory {

    private ServeDirectory() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: ServeDirectory ADDR PORT DIR [IO_THREADS]");
            System.exit(2);
        }
        TftpServerConfig config = TftpServerConfig.defaults(
                new InetSocketAddress(InetAddress.getByName(args[0]), Integer.parseInt(args[1])))
                .withIoThreads(args.length == 4 ? Integer.parseInt(args[3]) : 0);
        TftpServer server = TftpServer.start(config, TftpFileSource.directory(Path.of(args[2]), 64 << 20),
                TftpUploadSink.REFUSE);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("listening on " + server.localAddress());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
