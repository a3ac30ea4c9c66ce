package org.spaprov.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guards the read hot path, which writes DATA straight from the file content: retransmitted OACK
 * and DATA are byte-identical to the first copies, and files of an exact multiple of the block size
 * end with an empty DATA block.
 */
class ReadTransferRetransmitTest {

    @TempDir
    Path root;

    /** Quick retransmission, with retries to spare for a slow test thread. */
    private static TftpServerConfig config() {
        return TftpServerConfig.loopback().withRetransmit(Duration.ofMillis(100), Duration.ofMillis(200), 8);
    }

    /** The next DATA with block {@code n}, skipping retransmissions of earlier packets. */
    private static RawPeer.Received data(RawPeer peer, int n) throws Exception {
        while (true) {
            RawPeer.Received r = peer.receive();
            if (r.packet() instanceof OptionAck || r.packet() instanceof Data d && d.block() < n) {
                continue;
            }
            return r;
        }
    }

    @Test
    void retransmittedOackAndDataAreIdentical() throws Exception {
        try (ServerFixture fx = new ServerFixture(root, config()); RawPeer peer = new RawPeer()) {
            byte[] content = TftpClientInteropTest.random(2000, 7);
            Files.write(fx.files.resolve("a.bin"), content);
            peer.send(new ReadRequest("a.bin", TftpMode.OCTET, Map.of("blksize", "512")), fx.address());
            RawPeer.Received oack = peer.receive();
            assertThat(oack.packet()).isEqualTo(new OptionAck(Map.of("blksize", "512")));
            RawPeer.Received oackAgain = peer.receive(); // not acknowledged: sent again
            assertThat(oackAgain.packet()).isEqualTo(oack.packet());
            assertThat(oackAgain.from()).isEqualTo(oack.from());

            peer.send(new Ack(0), oack.from());
            RawPeer.Received one = data(peer, 1);
            assertThat(one.packet()).isEqualTo(new Data(1, Arrays.copyOfRange(content, 0, 512)));
            peer.send(new Ack(1), one.from());
            RawPeer.Received two = data(peer, 2);
            assertThat(two.packet()).isEqualTo(new Data(2, Arrays.copyOfRange(content, 512, 1024)));
            RawPeer.Received twoAgain = peer.receive(); // not acknowledged: sent again
            assertThat(twoAgain.packet()).isEqualTo(two.packet());
            assertThat(twoAgain.from()).isEqualTo(one.from());

            peer.send(new Ack(2), two.from());
            RawPeer.Received three = data(peer, 3);
            assertThat(three.packet()).isEqualTo(new Data(3, Arrays.copyOfRange(content, 1024, 1536)));
            peer.send(new Ack(3), three.from());
            RawPeer.Received last = data(peer, 4);
            assertThat(last.packet()).isEqualTo(new Data(4, Arrays.copyOfRange(content, 1536, 2000)));
            peer.send(new Ack(4), last.from());
            TftpTransferEvent event = fx.nextEvent(TftpTransferEvent.Outcome.COMPLETED);
            assertThat(event.bytes()).isEqualTo(2000);
        }
    }

    @Test
    void exactMultipleOfTheBlockSizeEndsWithAnEmptyBlock() throws Exception {
        try (ServerFixture fx = new ServerFixture(root, config()); RawPeer peer = new RawPeer()) {
            byte[] content = TftpClientInteropTest.random(1024, 8);
            Files.write(fx.files.resolve("b.bin"), content);
            peer.send(new ReadRequest("b.bin", TftpMode.OCTET), fx.address());
            RawPeer.Received one = data(peer, 1);
            assertThat(one.packet()).isEqualTo(new Data(1, Arrays.copyOfRange(content, 0, 512)));
            peer.send(new Ack(1), one.from());
            RawPeer.Received two = data(peer, 2);
            assertThat(two.packet()).isEqualTo(new Data(2, Arrays.copyOfRange(content, 512, 1024)));
            peer.send(new Ack(2), two.from());
            RawPeer.Received end = data(peer, 3);
            assertThat(end.packet()).isEqualTo(new Data(3, new byte[0]));
            peer.send(new Ack(3), end.from());
            TftpTransferEvent event = fx.nextEvent(TftpTransferEvent.Outcome.COMPLETED);
            assertThat(event.bytes()).isEqualTo(1024);
        }
    }
}
