package org.spaprov.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 row 5 (slow connections from many addresses): at the total cap the connection that has waited longest
 * for its first request head makes room; a connection that has sent a request is never evicted, and a burst of
 * fresh connections is refused rather than evicting one another. Time is a virtual nanosecond counter.
 */
class ConnectionGateTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ConnectionGate gate = new ConnectionGate(HttpLimits.defaults().withConnectionCaps(2, 2), now::get);

    private void advanceSeconds(long s) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(s));
    }

    @Test
    void atTheCapTheLongestSilentConnectionMakesRoom() {
        EmbeddedChannel device = new EmbeddedChannel();
        EmbeddedChannel slow = new EmbeddedChannel();
        assertThat(gate.admit(device)).isTrue();
        gate.headSeen(device);
        advanceSeconds(1);
        assertThat(gate.admit(slow)).isTrue();

        EmbeddedChannel fresh = new EmbeddedChannel();
        assertThat(gate.admit(fresh)).as("the silent one has waited less than a second").isFalse();
        assertThat(gate.refused()).isEqualTo(1);

        advanceSeconds(2);
        assertThat(gate.admit(fresh)).isTrue();
        assertThat(slow.isOpen()).as("the silent connection was closed to make room").isFalse();
        assertThat(device.isOpen()).as("a connection that sent a request is never evicted").isTrue();
        assertThat(gate.evicted()).isEqualTo(1);
        assertThat(gate.open()).isEqualTo(2);

        gate.headSeen(fresh);
        advanceSeconds(5);
        assertThat(gate.admit(new EmbeddedChannel())).as("nobody left to evict").isFalse();
        assertThat(device.isOpen()).isTrue();
        assertThat(fresh.isOpen()).isTrue();
    }
}
