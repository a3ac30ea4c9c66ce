package org.spaprov.tftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.commons.net.tftp.TFTP;
import org.apache.commons.net.tftp.TFTPClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link TftpServerConfig#inlineSource()}: the source runs on the event loop that received the request, and
 * with several event loops (one listen socket each on the same port, where epoll allows) every client is
 * served whichever socket the kernel hands its request to, on each transport. Client: commons-net, which we did
 * not write.
 */
class TftpServerInlineTest {

    private static final Map<String, byte[]> FILES = Map.of(
            "/a.bin", TftpClientInteropTest.random(5000, 1),
            "/b.bin", TftpClientInteropTest.random(512, 2),
            "/c.bin", TftpClientInteropTest.random(70_000, 3));

    @ParameterizedTest
    @EnumSource(value = TftpServerConfig.Transport.class, names = {"IO_URING", "EPOLL", "NIO"})
    void inlineSourceRunsOnTheEventLoopsAndServesEveryClient(TftpServerConfig.Transport transport) throws Exception {
        boolean available = switch (transport) {
            case IO_URING -> io.netty.channel.uring.IoUring.isAvailable();
            case EPOLL -> io.netty.channel.epoll.Epoll.isAvailable();
            default -> true;
        };
        assumeTrue(available, transport + " does not load on this platform");
        List<Boolean> virtual = new CopyOnWriteArrayList<>();
        TftpFileSource source = (path, client) -> {
            virtual.add(Thread.currentThread().isVirtual());
            byte[] content = FILES.get(path);
            return content == null ? TftpReadResult.notFound() : TftpReadResult.found(content);
        };
        TftpServerConfig config = TftpServerConfig.loopback().withIoThreads(4).withInlineSource(true)
                .withTransport(transport);
        LinkedBlockingQueue<TftpTransferEvent> events = new LinkedBlockingQueue<>();
        try (TftpServer server = TftpServer.start(config, source, TftpUploadSink.REFUSE, events::add)) {
            assertThat(server.transport()).isEqualTo(transport.name());
            // 24 clients, each from its own port, so the kernel spreads them over the listen sockets.
            for (int i = 0; i < 24; i++) {
                String name = List.of("a.bin", "b.bin", "c.bin").get(i % 3);
                TFTPClient client = new TFTPClient();
                client.open();
                try {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    client.receiveFile(name, TFTP.BINARY_MODE, out, InetAddress.getLoopbackAddress(), server.port());
                    assertThat(out.toByteArray()).as(name).isEqualTo(FILES.get("/" + name));
                } finally {
                    client.close();
                }
            }
            TFTPClient client = new TFTPClient();
            client.open();
            try {
                assertThatThrownBy(() -> client.receiveFile("missing.bin", TFTP.BINARY_MODE,
                        new ByteArrayOutputStream(), InetAddress.getLoopbackAddress(), server.port()))
                        .isInstanceOf(IOException.class).hasMessageContaining("Error code 1");
            } finally {
                client.close();
            }
            // A client is done when it sent its last ACK; the server, once that ACK arrived: wait for the events.
            for (int i = 0; i < 25; i++) {
                TftpTransferEvent e = events.poll(10, TimeUnit.SECONDS);
                assertThat(e).as("event %d", i).isNotNull();
                assertThat(e.outcome()).isIn(TftpTransferEvent.Outcome.COMPLETED, TftpTransferEvent.Outcome.REFUSED);
            }
            assertThat(server.activeTransfers()).isZero();
        }
        assertThat(virtual).hasSize(25).containsOnly(false);
    }

    @Test
    void aBlockingSourceRunsOnVirtualThreads() throws Exception {
        List<Boolean> virtual = new CopyOnWriteArrayList<>();
        TftpFileSource source = (path, client) -> {
            virtual.add(Thread.currentThread().isVirtual());
            return TftpReadResult.found(FILES.get("/b.bin"));
        };
        try (TftpServer server = TftpServer.start(TftpServerConfig.loopback(), source, TftpUploadSink.REFUSE)) {
            TFTPClient client = new TFTPClient();
            client.open();
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                client.receiveFile("b.bin", TFTP.BINARY_MODE, out, InetAddress.getLoopbackAddress(), server.port());
                assertThat(out.toByteArray()).isEqualTo(FILES.get("/b.bin"));
            } finally {
                client.close();
            }
        }
        assertThat(virtual).containsExactly(true);
    }
}
