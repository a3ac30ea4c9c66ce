package org.spaprov.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.spaprov.testkit.MutableClock;

/** The per-address accounting on its own: caps, release, and a map that forgets what no longer matters. */
class PeerBookTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final TftpServerConfig config = TftpServerConfig.loopback().withMaxTransfers(3)
            .withPeers(TftpServerConfig.PeerLimits.defaults().withTransfersPerAddress(2).withStalledPerAddress(1)
                    .withRefusalsPerAddress(2, Duration.ofSeconds(1)).withUploadBytesTotal(100));
    private final PeerBook book = new PeerBook(config, clock);

    private static InetAddress ip(int last) throws Exception {
        return InetAddress.getByAddress(new byte[] {10, 0, (byte) (last >> 8), (byte) last});
    }

    @Test
    void slotsPerAddressUnderTheGlobalCapAndNothingLeftAfterRelease() throws Exception {
        assertThat(book.tryAcquire(ip(1))).isEqualTo(PeerBook.Admission.ADMITTED);
        assertThat(book.tryAcquire(ip(1))).isEqualTo(PeerBook.Admission.ADMITTED);
        assertThat(book.tryAcquire(ip(1))).isEqualTo(PeerBook.Admission.ADDRESS_BUSY);
        assertThat(book.tryAcquire(ip(2))).isEqualTo(PeerBook.Admission.ADMITTED);
        assertThat(book.tryAcquire(ip(3))).isEqualTo(PeerBook.Admission.SERVER_BUSY);
        assertThat(book.tryStall(ip(1))).isTrue();
        assertThat(book.tryStall(ip(1))).as("one stalled per address").isFalse();
        assertThat(book.tryStall(ip(2))).isTrue();
        book.unstall(ip(1));
        book.unstall(ip(2));
        book.release(ip(1));
        book.release(ip(1));
        book.release(ip(2));
        assertThat(book.active()).isZero();
        assertThat(book.stalled()).isZero();
        assertThat(book.addresses()).isZero();
    }

    @Test
    void refusalsCountPerWindowAndExpiredOnesAreSwept() throws Exception {
        book.refused(ip(1));
        assertThat(book.refusing(ip(1))).isFalse();
        book.refused(ip(1));
        assertThat(book.refusing(ip(1))).isTrue();
        assertThat(book.tryAcquire(ip(1))).isEqualTo(PeerBook.Admission.ADDRESS_REFUSING);
        for (int i = 2; i < 1002; i++) {
            book.refused(ip(i));
        }
        assertThat(book.addresses()).isEqualTo(1001);
        clock.advance(Duration.ofSeconds(1));
        assertThat(book.refusing(ip(1))).isFalse();
        book.refused(ip(5000));
        assertThat(book.addresses()).as("only the newest refusal is remembered").isEqualTo(1);
    }

    @Test
    void uploadBytesAreReservedWithinTheTotal() {
        assertThat(book.reserveUpload(60)).isTrue();
        assertThat(book.reserveUpload(41)).isFalse();
        assertThat(book.reserveUpload(40)).isTrue();
        book.releaseUpload(100);
        assertThat(book.uploadBytes()).isZero();
    }
}
