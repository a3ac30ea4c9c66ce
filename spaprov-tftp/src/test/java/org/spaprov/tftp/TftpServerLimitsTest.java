package org.spaprov.tftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.spaprov.testkit.MutableClock;
import org.junit.jupiter.api.io.TempDir;

/**
 * What anonymous peers can make the server hold (issue 9 rows 3, 4 and 11): uploads buffered only as DATA arrives
 * and within a total, per-address caps on transfers, stalled transfers and refused names, the client's timeout
 * option bounded, and a second server on a held port refused. Floods come from 127.0.0.2, the legitimate client
 * from 127.0.0.1 (two source addresses on Linux loopback).
 */
class TftpServerLimitsTest {

    private static final byte[] GOOD = "good file\n".getBytes();

    @TempDir
    Path root;

    /** A server with a recording listener; the source serves {@code good.txt} and {@code a.bin} (1000 bytes). */
    private final class Rig implements AutoCloseable {
        final TftpServer server;
        final LinkedBlockingQueue<TftpTransferEvent> events = new LinkedBlockingQueue<>();
        final Path uploads;

        Rig(TftpServerConfig config, TftpUploadSink sink, Clock clock) throws IOException {
            Path files = Files.createDirectories(root.resolve("files"));
            uploads = Files.createDirectories(root.resolve("uploads"));
            Files.write(files.resolve("good.txt"), GOOD);
            Files.write(files.resolve("a.bin"), new byte[1000]);
            server = TftpServer.start(config, TftpFileSource.directory(files, 1 << 20),
                    sink != null ? sink : TftpUploadSink.directory(uploads), events::add, clock);
        }

        InetSocketAddress address() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());
        }

        TftpTransferEvent next(TftpTransferEvent.Outcome outcome) throws InterruptedException {
            while (true) {
                TftpTransferEvent e = events.poll(10, TimeUnit.SECONDS);
                assertThat(e).as("an event " + outcome + " within 10 s").isNotNull();
                if (e.outcome() == outcome) {
                    return e;
                }
            }
        }

        @Override
        public void close() {
            server.close();
        }
    }

    private static InetAddress flooder() throws IOException {
        return InetAddress.getByName("127.0.0.2");
    }

    // ---------------------------------------------------------------- row 3: uploads

    @Test
    void aWrqFloodAnnouncingOneMebibyteEachBuffersNothingAndALegitimateUploadGoesThrough() throws Exception {
        // Long timeouts: no retransmission while the answers are counted.
        TftpServerConfig config = TftpServerConfig.loopback().withRetransmit(Duration.ofSeconds(10),
                Duration.ofSeconds(10), 1);
        try (Rig rig = new Rig(config, null, Clock.systemUTC()); RawPeer flood = new RawPeer(flooder())) {
            for (int i = 0; i < 300; i++) {
                flood.send(new WriteRequest("up" + i + ".bin", TftpMode.OCTET, Map.of("tsize", "1048576")),
                        rig.address());
            }
            int accepted = 0;
            int busy = 0;
            for (int i = 0; i < 300; i++) {
                RawPeer.Received r = flood.receive();
                if (r.packet() instanceof OptionAck oack) {
                    assertThat(oack.options()).containsEntry("tsize", "1048576");
                    accepted++;
                } else {
                    assertThat(r.packet()).isEqualTo(new ErrorPacket(TftpErrorCode.NOT_DEFINED, "server busy, try later"));
                    assertThat(r.from()).as("the cheap answer, from the listen port").isEqualTo(rig.address());
                    busy++;
                }
            }
            int perAddress = config.peers().transfersPerAddress();
            assertThat(accepted).isEqualTo(perAddress);
            assertThat(busy).isEqualTo(300 - perAddress);
            assertThat(rig.server.activeTransfers(flooder())).isEqualTo(perAddress);
            assertThat(rig.server.bufferedUploadBytes()).as("nothing buffered before DATA arrives").isZero();

            byte[] report = TftpClientInteropTest.random(3000, 3);
            new TftpClient().put(rig.address(), "legit.bin", report, TftpClientOptions.defaults());
            assertThat(rig.uploads.resolve("legit.bin")).hasBinaryContent(report);
            assertThat(rig.server.bufferedUploadBytes()).isZero();
        }
    }

    @Test
    void uploadsTogetherStayWithinTheTotalAndGiveItBackWhenTheyEnd() throws Exception {
        TftpServerConfig config = TftpServerConfig.loopback()
                .withPeers(TftpServerConfig.PeerLimits.defaults().withUploadBytesTotal(2048));
        try (Rig rig = new Rig(config, null, Clock.systemUTC()); RawPeer a = new RawPeer(); RawPeer b = new RawPeer()) {
            a.send(new WriteRequest("a.bin", TftpMode.OCTET), rig.address());
            InetSocketAddress tidA = a.receive().from();
            for (int block = 1; block <= 3; block++) {
                a.send(new Data(block, new byte[512]), tidA);
                assertThat(a.receive().packet()).isEqualTo(new Ack(block));
            }
            assertThat(rig.server.bufferedUploadBytes()).isEqualTo(1536);

            b.send(new WriteRequest("b.bin", TftpMode.OCTET), rig.address());
            InetSocketAddress tidB = b.receive().from();
            b.send(new Data(1, new byte[512]), tidB);
            assertThat(b.receive().packet()).isEqualTo(new Ack(1));
            assertThat(rig.server.bufferedUploadBytes()).isEqualTo(2048);
            b.send(new Data(2, new byte[512]), tidB);
            assertThat(b.receiveError()).isEqualTo(new ErrorPacket(TftpErrorCode.DISK_FULL,
                    "Disk full or allocation exceeded"));
            TftpTransferEvent tooMuch = rig.next(TftpTransferEvent.Outcome.TOO_LARGE);
            assertThat(tooMuch.detail()).contains("uploads in progress hold 2048 bytes");
            assertThat(rig.server.bufferedUploadBytes()).as("b gave its 512 back").isEqualTo(1536);

            a.send(new Data(4, new byte[100]), tidA);
            assertThat(a.receive().packet()).isEqualTo(new Ack(4));
            assertThat(rig.next(TftpTransferEvent.Outcome.COMPLETED).bytes()).isEqualTo(1636);
            assertThat(rig.uploads.resolve("a.bin")).hasSize(1636);
            assertThat(rig.server.bufferedUploadBytes()).isZero();
        }
    }

    @Test
    void aWrqTheSinkRefusesIsRefusedBeforeAnythingIsBufferedWithAGenericMessage() throws Exception {
        AtomicInteger stored = new AtomicInteger();
        TftpUploadSink sink = new TftpUploadSink() {
            @Override
            public UploadAdmission admit(String path, InetSocketAddress client) {
                return new UploadAdmission.Refused(new TftpRefusal(TftpErrorCode.ACCESS_VIOLATION, "Access violation",
                        "not a report name of a known device"), "sink context");
            }

            @Override
            public Optional<TftpRefusal> store(String path, InetSocketAddress client, byte[] content) {
                stored.incrementAndGet();
                return Optional.empty();
            }
        };
        try (Rig rig = new Rig(TftpServerConfig.loopback(), sink, Clock.systemUTC()); RawPeer peer = new RawPeer()) {
            peer.send(new WriteRequest("report-000e08aabbcc.xml", TftpMode.OCTET, Map.of("tsize", "1048576")),
                    rig.address());
            assertThat(peer.receiveError()).isEqualTo(new ErrorPacket(TftpErrorCode.ACCESS_VIOLATION,
                    "Access violation"));
            TftpTransferEvent e = rig.next(TftpTransferEvent.Outcome.REFUSED);
            assertThat(e.detail()).isEqualTo("not a report name of a known device");
            assertThat(e.context()).isEqualTo("sink context");
            assertThat(stored).hasValue(0);
            assertThat(rig.server.bufferedUploadBytes()).isZero();
        }
    }

    @Test
    void anUploadIsHeldToTheSizeTheSinkAdmits() throws Exception {
        TftpUploadSink sink = new TftpUploadSink() {
            @Override
            public UploadAdmission admit(String path, InetSocketAddress client) {
                return UploadAdmission.accept(600);
            }

            @Override
            public Optional<TftpRefusal> store(String path, InetSocketAddress client, byte[] content) {
                return Optional.empty();
            }
        };
        try (Rig rig = new Rig(TftpServerConfig.loopback(), sink, Clock.systemUTC()); RawPeer peer = new RawPeer()) {
            peer.send(new WriteRequest("r.xml", TftpMode.OCTET, Map.of("tsize", "601")), rig.address());
            assertThat(peer.receiveError().code()).isEqualTo(TftpErrorCode.DISK_FULL);
            assertThat(rig.next(TftpTransferEvent.Outcome.TOO_LARGE).detail()).contains("announced larger than 600");

            peer.send(new WriteRequest("r.xml", TftpMode.OCTET), rig.address());
            InetSocketAddress tid = peer.receive().from();
            peer.send(new Data(1, new byte[512]), tid);
            assertThat(peer.receive().packet()).isEqualTo(new Ack(1));
            peer.send(new Data(2, new byte[512]), tid);
            assertThat(peer.receiveError().code()).isEqualTo(TftpErrorCode.DISK_FULL);
            assertThat(rig.next(TftpTransferEvent.Outcome.TOO_LARGE).detail()).contains("larger than 600 bytes");
            assertThat(rig.server.bufferedUploadBytes()).isZero();
        }
    }

    // ---------------------------------------------------------------- row 4: per address

    @Test
    void anAddressRunsItsShareOfTransfersAndOnlyItsCapOfThemStalls() throws Exception {
        TftpServerConfig config = TftpServerConfig.loopback()
                .withRetransmit(Duration.ofMillis(100), Duration.ofMillis(200), 3)
                .withPeers(TftpServerConfig.PeerLimits.defaults().withTransfersPerAddress(4).withStalledPerAddress(2));
        try (Rig rig = new Rig(config, null, Clock.systemUTC()); RawPeer flood = new RawPeer(flooder())) {
            for (int i = 0; i < 5; i++) {
                flood.send(new ReadRequest("a.bin", TftpMode.OCTET), rig.address());
            }
            java.util.Set<InetSocketAddress> transfers = new java.util.HashSet<>();
            int busy = 0;
            while (transfers.size() + busy < 5) {
                RawPeer.Received r = flood.receive();
                if (r.packet() instanceof Data d && d.block() == 1 && !r.from().equals(rig.address())) {
                    transfers.add(r.from()); // a retransmitted DATA 1 comes from a port counted already
                } else if (r.packet() instanceof ErrorPacket e && r.from().equals(rig.address())) {
                    assertThat(e.message()).isEqualTo("server busy, try later");
                    busy++;
                }
            }
            assertThat(busy).as("the fifth is over the address's share").isEqualTo(1);

            // Nobody acknowledges: after one timeout two of the four stall, the other two are abandoned at once.
            List<TftpTransferEvent> timedOut = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                timedOut.add(rig.next(TftpTransferEvent.Outcome.TIMED_OUT));
            }
            assertThat(timedOut.subList(0, 2)).allSatisfy(e -> assertThat(e.detail()).startsWith("abandoned"));
            assertThat(timedOut.subList(2, 4)).allSatisfy(e -> assertThat(e.detail()).contains("3 retransmissions"));
            assertThat(rig.server.stalledTransfers()).isZero();
            assertThat(rig.server.activeTransfers()).isZero();
        }
    }

    /** Fails on a server with only a global cap: 300 unanswered RRQs would take all 32 slots. */
    @Test
    void aFloodOfUnansweredReadsFromOneAddressDoesNotLockOutCurlOrTftpHpa() throws Exception {
        TftpServerConfig config = TftpServerConfig.loopback().withMaxTransfers(32)
                .withPeers(TftpServerConfig.PeerLimits.defaults().withTransfersPerAddress(8).withStalledPerAddress(4));
        try (Rig rig = new Rig(config, null, Clock.systemUTC()); RawPeer flood = new RawPeer(flooder())) {
            for (int i = 0; i < 300; i++) {
                flood.send(new ReadRequest("a.bin", TftpMode.OCTET, Map.of("timeout", "255")), rig.address());
            }
            assertThat(rig.server.activeTransfers(flooder())).isLessThanOrEqualTo(8);
            Peers.assumeInstalled(Peers.CURL);
            Path out = root.resolve("curl.txt");
            int curl = Peers.run(root, root.resolve("curl.log"), Peers.CURL, "-sS", "--max-time", "20", "-o",
                    out.toString(), "tftp://127.0.0.1:" + rig.server.port() + "/good.txt");
            assertThat(curl).as(Files.readString(root.resolve("curl.log"))).isZero();
            assertThat(out).hasBinaryContent(GOOD);
            Peers.assumeInstalled(Peers.TFTP);
            Path hpa = root.resolve("hpa.txt");
            int tftp = Peers.run(root, root.resolve("hpa.log"), Peers.TFTP, "-m", "octet", "127.0.0.1",
                    String.valueOf(rig.server.port()), "-c", "get", "good.txt", hpa.toString());
            assertThat(tftp).as(Files.readString(root.resolve("hpa.log"))).isZero();
            assertThat(hpa).hasBinaryContent(GOOD);
            assertThat(rig.server.activeTransfers(flooder())).isLessThanOrEqualTo(8);
        }
    }

    @Test
    void anAddressAskingForTooManyUnknownNamesIsAnsweredBusyUntilTheWindowPasses() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        TftpServerConfig config = TftpServerConfig.loopback().withPeers(TftpServerConfig.PeerLimits.defaults()
                .withRefusalsPerAddress(3, Duration.ofSeconds(1)));
        try (Rig rig = new Rig(config, null, clock); RawPeer flood = new RawPeer(flooder());
             RawPeer legit = new RawPeer()) {
            for (int i = 0; i < 3; i++) {
                flood.send(new ReadRequest("spa00000000000" + i + ".cfg", TftpMode.OCTET), rig.address());
                RawPeer.Received r = flood.receive();
                assertThat(r.packet()).isEqualTo(new ErrorPacket(TftpErrorCode.FILE_NOT_FOUND, "File not found"));
                assertThat(r.from()).isNotEqualTo(rig.address());
            }
            flood.send(new ReadRequest("good.txt", TftpMode.OCTET), rig.address());
            RawPeer.Received busy = flood.receive();
            assertThat(busy.packet()).isEqualTo(new ErrorPacket(TftpErrorCode.NOT_DEFINED, "server busy, try later"));
            assertThat(busy.from()).as("no lookup, no new port").isEqualTo(rig.address());
            assertThat(rig.next(TftpTransferEvent.Outcome.REFUSED).detail()).isEqualTo("File not found");

            legit.send(new ReadRequest("missing.cfg", TftpMode.OCTET), rig.address());
            assertThat(legit.receiveError().code()).isEqualTo(TftpErrorCode.FILE_NOT_FOUND);
            legit.send(new ReadRequest("good.txt", TftpMode.OCTET), rig.address());
            assertThat(legit.drain(legit.receive(), 512)).isEqualTo(GOOD);

            clock.advance(Duration.ofSeconds(1));
            flood.send(new ReadRequest("good.txt", TftpMode.OCTET), rig.address());
            assertThat(flood.drain(flood.receive(), 512)).isEqualTo(GOOD);
        }
    }

    @Test
    void aTimeoutOptionAboveFiveSecondsIsDeclinedAndOneWithinIsGranted() throws Exception {
        try (Rig rig = new Rig(TftpServerConfig.loopback(), null, Clock.systemUTC()); RawPeer peer = new RawPeer()) {
            peer.send(new ReadRequest("good.txt", TftpMode.OCTET, Map.of("timeout", "255", "blksize", "1024")),
                    rig.address());
            RawPeer.Received declined = peer.receive();
            assertThat(declined.packet()).isEqualTo(new OptionAck(Map.of("blksize", "1024")));
            peer.send(new ErrorPacket(TftpErrorCode.NOT_DEFINED, "enough"), declined.from());

            peer.send(new ReadRequest("good.txt", TftpMode.OCTET, Map.of("timeout", "5")), rig.address());
            RawPeer.Received granted = peer.receive();
            assertThat(granted.packet()).isEqualTo(new OptionAck(Map.of("timeout", "5")));
            peer.send(new ErrorPacket(TftpErrorCode.NOT_DEFINED, "enough"), granted.from());
            rig.next(TftpTransferEvent.Outcome.PEER_ERROR);
            rig.next(TftpTransferEvent.Outcome.PEER_ERROR);
        }
    }

    // ---------------------------------------------------------------- row 11: port in use

    @Test
    void aSecondServerOnAPortAnotherServerHoldsFailsWithPortInUse() throws Exception {
        int port = Peers.freeUdpPort();
        InetSocketAddress bind = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        for (TftpServerConfig.Transport transport : TftpServerConfig.Transport.values()) {
            TftpServerConfig config = TftpServerConfig.defaults(bind).withTransport(transport);
            try (Rig first = new Rig(config, null, Clock.systemUTC())) {
                assertThatThrownBy(() -> TftpServer.start(config, (p, c) -> TftpReadResult.notFound(),
                        TftpUploadSink.REFUSE)).as(transport.name()).isInstanceOf(BindException.class)
                        .hasMessage("cannot bind TFTP to 127.0.0.1:" + port + ": port in use");
                assertThat(new TftpClient().get(first.address(), "good.txt", TftpClientOptions.defaults()))
                        .as("the first server keeps the port to itself").isEqualTo(GOOD);
            }
        }
        try (DatagramSocket other = new DatagramSocket(bind)) {
            assertThatThrownBy(() -> TftpServer.start(TftpServerConfig.defaults(bind),
                    (p, c) -> TftpReadResult.notFound(), TftpUploadSink.REFUSE)).isInstanceOf(BindException.class)
                    .hasMessageEndingWith("port in use");
        }
    }

    // ---------------------------------------------------------------- events

    @Test
    void theSourcesContextComesBackInTheEvent() throws Exception {
        TftpFileSource source = (path, client) -> path.equals("/known.cfg")
                ? new TftpReadResult.Found(GOOD, "device A")
                : new TftpReadResult.Refused(new TftpRefusal(TftpErrorCode.FILE_NOT_FOUND, "File not found",
                        "layer /site/layers/x.xml:3: unknown parameter"), "device B");
        LinkedBlockingQueue<TftpTransferEvent> events = new LinkedBlockingQueue<>();
        try (TftpServer server = TftpServer.start(TftpServerConfig.loopback(), source, TftpUploadSink.REFUSE,
                events::add, Clock.systemUTC()); RawPeer peer = new RawPeer()) {
            InetSocketAddress at = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());
            assertThat(new TftpClient().get(at, "known.cfg", TftpClientOptions.defaults())).isEqualTo(GOOD);
            TftpTransferEvent done = events.poll(10, TimeUnit.SECONDS);
            assertThat(done.outcome()).isEqualTo(TftpTransferEvent.Outcome.COMPLETED);
            assertThat(done.context()).isEqualTo("device A");

            peer.send(new ReadRequest("other.cfg", TftpMode.OCTET), at);
            assertThat(peer.receiveError()).as("the client learns nothing of the layer")
                    .isEqualTo(new ErrorPacket(TftpErrorCode.FILE_NOT_FOUND, "File not found"));
            TftpTransferEvent refused = events.poll(10, TimeUnit.SECONDS);
            assertThat(refused.outcome()).isEqualTo(TftpTransferEvent.Outcome.REFUSED);
            assertThat(refused.detail()).contains("x.xml:3");
            assertThat(refused.context()).isEqualTo("device B");
        }
    }
}
