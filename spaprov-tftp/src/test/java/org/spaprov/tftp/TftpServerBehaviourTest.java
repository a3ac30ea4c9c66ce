package org.spaprov.tftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retransmission, limits, negotiation and events, driven by hand over real sockets. */
class TftpServerBehaviourTest {

    @TempDir
    Path root;

    @Test
    void portZeroReportsTheBoundPortAndBadConfigIsRefused() throws Exception {
        try (ServerFixture fx = new ServerFixture(root, TftpServerConfig.loopback())) {
            assertThat(fx.server.port()).isPositive();
        }
        assertThatThrownBy(() -> TftpServer.start(TftpServerConfig.loopback().withMaxTransfers(0),
                (p, c) -> TftpReadResult.notFound(), TftpUploadSink.REFUSE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tftp.maxTransfers");
        assertThatThrownBy(() -> TftpServer.start(TftpServerConfig.loopback().withMaxBlockSize(70_000),
                (p, c) -> TftpReadResult.notFound(), TftpUploadSink.REFUSE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tftp.maxBlockSize");
    }

    @Test
    void retransmitsWithBackOffThenGivesUp() throws Exception {
        try (ServerFixture fx = new ServerFixture(root, ServerFixture.fastRetries()); RawPeer peer = new RawPeer()) {
            Files.write(fx.files.resolve("a.bin"), new byte[1000]);
            peer.send(new ReadRequest("a.bin", TftpMode.OCTET), fx.address());
            RawPeer.Received first = peer.receive();
            assertThat(first.packet()).isEqualTo(new Data(1, new byte[512]));
            for (int i = 0; i < 2; i++) { // two retransmissions from the same transfer port
                RawPeer.Received again = peer.receive();
                assertThat(again.packet()).isEqualTo(first.packet());
                assertThat(again.from()).isEqualTo(first.from());
            }
            TftpTransferEvent event = fx.nextEvent();
            assertThat(event.outcome()).isEqualTo(TftpTransferEvent.Outcome.TIMED_OUT);
            assertThat(event.detail()).contains("2 retransmissions");
            assertThat(fx.server.activeTransfers()).isZero();
        }
    }

    @Test
    void refusesBeyondMaxTransfersAndServesAgainAfterwards() throws Exception {
        TftpServerConfig config = TftpServerConfig.loopback().withMaxTransfers(1);
        try (ServerFixture fx = new ServerFixture(root, config); RawPeer a = new RawPeer(); RawPeer b = new RawPeer()) {
            byte[] content = TftpClientInteropTest.random(2000, 1);
            Files.write(fx.files.resolve("a.bin"), content);
            a.send(new ReadRequest("a.bin", TftpMode.OCTET), fx.address());
            RawPeer.Received first = a.receive(); // A holds the only slot until it acknowledges

            b.send(new ReadRequest("a.bin", TftpMode.OCTET), fx.address());
            RawPeer.Received busy = b.receive();
            // RFC 1350 §4: even a refusal comes from a new TID, not from the listen port.
            assertThat(busy.from().getAddress()).isEqualTo(fx.address().getAddress());
            assertThat(busy.from().getPort()).isNotEqualTo(fx.address().getPort());
            assertThat(busy.packet()).isEqualTo(new ErrorPacket(TftpErrorCode.NOT_DEFINED, "server busy, try later"));
            assertThat(fx.nextEvent().outcome()).isEqualTo(TftpTransferEvent.Outcome.REFUSED);

            assertThat(a.drain(first, 512)).isEqualTo(content);
            TftpTransferEvent done = fx.nextEvent();
            assertThat(done.outcome()).isEqualTo(TftpTransferEvent.Outcome.COMPLETED);
            assertThat(done.bytes()).isEqualTo(2000);
            assertThat(done.client()).isEqualTo(a.address());
            assertThat(done.direction()).isEqualTo(TftpTransferEvent.Direction.READ);

            assertThat(new TftpClient().get(fx.address(), "a.bin", TftpClientOptions.defaults())).isEqualTo(content);
        }
    }

    @Test
    void negotiatesOptionsAndIgnoresUnknownOnes() throws Exception {
        TftpServerConfig config = TftpServerConfig.loopback().withMaxBlockSize(1024);
        try (ServerFixture fx = new ServerFixture(root, config); RawPeer peer = new RawPeer()) {
            byte[] content = TftpClientInteropTest.random(5000, 2);
            Files.write(fx.files.resolve("a.bin"), content);
            Map<String, String> asked = new LinkedHashMap<>();
            asked.put("blksize", "4096");
            asked.put("windowsize", "8");
            asked.put("tsize", "0");
            asked.put("timeout", "2");
            peer.send(new ReadRequest("a.bin", TftpMode.OCTET, asked), fx.address());
            RawPeer.Received oack = peer.receive();
            assertThat(oack.packet()).isEqualTo(new OptionAck(Map.of("blksize", "1024", "tsize", "5000", "timeout", "2")));
            peer.send(new Ack(0), oack.from());
            assertThat(peer.drain(peer.receive(), 1024)).isEqualTo(content);
            assertThat(fx.nextEvent().outcome()).isEqualTo(TftpTransferEvent.Outcome.COMPLETED);
        }
    }

    @Test
    void answersAStrayTransferIdWithoutDisturbingTheTransfer() throws Exception {
        try (ServerFixture fx = new ServerFixture(root, TftpServerConfig.loopback());
             RawPeer peer = new RawPeer(); RawPeer stray = new RawPeer()) {
            byte[] content = TftpClientInteropTest.random(1500, 3);
            Files.write(fx.files.resolve("a.bin"), content);
            peer.send(new ReadRequest("a.bin", TftpMode.OCTET), fx.address());
            RawPeer.Received first = peer.receive();
            stray.send(new Ack(1), first.from());
            assertThat(stray.receiveError().code()).isEqualTo(TftpErrorCode.UNKNOWN_TID);
            assertThat(peer.drain(first, 512)).isEqualTo(content);
        }
    }

    @Test
    void clientErrorEndsTheTransfer() throws Exception {
        try (ServerFixture fx = new ServerFixture(root, TftpServerConfig.loopback()); RawPeer peer = new RawPeer()) {
            Files.write(fx.files.resolve("a.bin"), new byte[5000]);
            peer.send(new ReadRequest("a.bin", TftpMode.OCTET), fx.address());
            RawPeer.Received first = peer.receive();
            peer.send(new ErrorPacket(TftpErrorCode.DISK_FULL, "no room"), first.from());
            TftpTransferEvent event = fx.nextEvent();
            assertThat(event.outcome()).isEqualTo(TftpTransferEvent.Outcome.PEER_ERROR);
            assertThat(event.detail()).contains("no room");
        }
    }

    @Test
    void boundsUploads() throws Exception {
        TftpServerConfig config = TftpServerConfig.loopback().withMaxUploadSize(1000);
        try (ServerFixture fx = new ServerFixture(root, config)) {
            TftpClient client = new TftpClient();
            // With tsize the request itself is refused; without, the transfer stops at the limit.
            for (TftpClientOptions options : new TftpClientOptions[] {TftpClientOptions.defaults(), TftpClientOptions.plain()}) {
                assertThatThrownBy(() -> client.put(fx.address(), "big.bin", new byte[5000], options))
                        .isInstanceOfSatisfying(TftpException.class, e -> {
                            assertThat(e.kind()).isEqualTo(TftpException.Kind.ERROR_PACKET);
                            assertThat(e.errorCode()).contains(TftpErrorCode.DISK_FULL);
                        });
            }
            assertThat(fx.nextEvent().outcome()).isEqualTo(TftpTransferEvent.Outcome.REFUSED);
            assertThat(fx.nextEvent().outcome()).isEqualTo(TftpTransferEvent.Outcome.TOO_LARGE);
            assertThat(fx.uploads.resolve("big.bin")).doesNotExist();

            client.put(fx.address(), "ok.bin", new byte[1000], TftpClientOptions.plain());
            assertThat(fx.uploads.resolve("ok.bin")).hasSize(1000);
            TftpTransferEvent ok = fx.nextEvent();
            assertThat(ok.outcome()).isEqualTo(TftpTransferEvent.Outcome.COMPLETED);
            assertThat(ok.direction()).isEqualTo(TftpTransferEvent.Direction.WRITE);
            assertThat(ok.bytes()).isEqualTo(1000);
        }
    }

    @Test
    void refusedUploadsAndStoresReachTheClient() throws Exception {
        try (ServerFixture fx = new ServerFixture(root, TftpServerConfig.loopback(), TftpUploadSink.REFUSE)) {
            assertThatThrownBy(() -> new TftpClient().put(fx.address(), "r.xml", new byte[10], TftpClientOptions.defaults()))
                    .isInstanceOfSatisfying(TftpException.class,
                            e -> assertThat(e.kind()).isEqualTo(TftpException.Kind.ACCESS_VIOLATION));
        }
        TftpUploadSink failing = (path, client, content) -> {
            throw new IllegalStateException("disk on fire");
        };
        try (ServerFixture fx = new ServerFixture(root.resolve("2"), TftpServerConfig.loopback(), failing)) {
            assertThatThrownBy(() -> new TftpClient().put(fx.address(), "r.xml", new byte[10], TftpClientOptions.defaults()))
                    .isInstanceOfSatisfying(TftpException.class,
                            e -> assertThat(e.getMessage()).contains("cannot store").doesNotContain("fire"));
            assertThat(fx.nextEvent().outcome()).isEqualTo(TftpTransferEvent.Outcome.FAILED);
        }
    }

    @Test
    void reAcknowledgesARetransmittedLastBlockWhileDallying() throws Exception {
        try (ServerFixture fx = new ServerFixture(root, TftpServerConfig.loopback()); RawPeer peer = new RawPeer()) {
            peer.send(new WriteRequest("d.bin", TftpMode.OCTET), fx.address());
            RawPeer.Received ack0 = peer.receive();
            assertThat(ack0.packet()).isEqualTo(new Ack(0));
            peer.send(new Data(1, new byte[] {1, 2, 3}), ack0.from());
            assertThat(peer.receive().packet()).isEqualTo(new Ack(1));
            peer.send(new Data(1, new byte[] {1, 2, 3}), ack0.from()); // as if our ACK was lost
            assertThat(peer.receive().packet()).isEqualTo(new Ack(1));
            assertThat(fx.uploads.resolve("d.bin")).hasBinaryContent(new byte[] {1, 2, 3});
        }
    }

    @Test
    void slowClientsGetTheirOwnTimeout() throws Exception {
        // The server's own wait is ten minutes: a retransmission within the peer's 5 s receive timeout can
        // only come from the client's timeout option (1 s), so no clock is read here.
        TftpServerConfig config = TftpServerConfig.loopback().withRetransmit(Duration.ofMinutes(10), Duration.ofMinutes(10), 1);
        try (ServerFixture fx = new ServerFixture(root, config); RawPeer peer = new RawPeer()) {
            Files.write(fx.files.resolve("a.bin"), new byte[100]);
            peer.send(new ReadRequest("a.bin", TftpMode.OCTET, Map.of("timeout", "1")), fx.address());
            RawPeer.Received oack = peer.receive();
            RawPeer.Received again = peer.receive(); // retransmitted after the client's 1 s, not the server's 10 min
            assertThat(again.packet()).isEqualTo(oack.packet());
        }
    }
}
