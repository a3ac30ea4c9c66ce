package org.spaprov.tftp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link TftpServer} serving a directory, recording events and the paths its source saw. */
final class ServerFixture implements AutoCloseable {

    final Path files;
    final Path uploads;
    final TftpServer server;
    final LinkedBlockingQueue<TftpTransferEvent> events = new LinkedBlockingQueue<>();
    final List<String> pathsSeen = new CopyOnWriteArrayList<>();

    ServerFixture(Path root, TftpServerConfig config) throws IOException {
        this(root, config, null);
    }

    ServerFixture(Path root, TftpServerConfig config, TftpUploadSink sink) throws IOException {
        files = Files.createDirectories(root.resolve("files"));
        uploads = Files.createDirectories(root.resolve("uploads"));
        TftpFileSource dir = TftpFileSource.directory(files, 64 << 20);
        TftpFileSource recording = (path, client) -> {
            pathsSeen.add(path);
            return dir.open(path, client);
        };
        server = TftpServer.start(config, recording, sink != null ? sink : TftpUploadSink.directory(uploads),
                events::add);
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());
    }

    /** The next event; fails after 10 s. */
    TftpTransferEvent nextEvent() throws InterruptedException {
        TftpTransferEvent e = events.poll(10, TimeUnit.SECONDS);
        if (e == null) {
            throw new AssertionError("no transfer event within 10 s");
        }
        return e;
    }

    /** The next event with this outcome, skipping late events of earlier transfers. */
    TftpTransferEvent nextEvent(TftpTransferEvent.Outcome outcome) throws InterruptedException {
        TftpTransferEvent e;
        do {
            e = nextEvent();
        } while (e.outcome() != outcome);
        return e;
    }

    static TftpServerConfig fastRetries() {
        return TftpServerConfig.loopback().withRetransmit(Duration.ofMillis(50), Duration.ofMillis(100), 2);
    }

    @Override
    public void close() {
        server.close();
    }
}
