package org.spaprov.device.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The {@code host[:port]} server values: STUN_Server (port 3478), Proxy_n_ (5060), Syslog_Server (514). */
class HostPortTest {
    @Test
    void hostsWithAndWithoutPorts() {
        assertThat(HostPort.parse("stun.example.com", 3478)).contains(at("stun.example.com", 3478));
        assertThat(HostPort.parse(" 10.0.0.1:5070 ", 5060)).contains(at("10.0.0.1", 5070));
        assertThat(HostPort.parse("[2001:db8::1]:5061", 5060)).contains(at("2001:db8::1", 5061));
        assertThat(HostPort.parse("[2001:db8::1]", 5060)).contains(at("2001:db8::1", 5060));
        assertThat(HostPort.parse("2001:db8::1", 5060)).as("a bare v6 literal has no port").contains(at("2001:db8::1", 5060));
    }

    private static InetSocketAddress at(String host, int port) {
        return InetSocketAddress.createUnresolved(host, port);
    }

    @Test
    void malformedValuesAreEmpty() {
        for (String bad : new String[] {"", "  ", "host:", "host:0", "host:65536", "host:x", "[::1", "[::1]x", ":5060"}) {
            assertThat(HostPort.parse(bad, 5060)).as(bad).isEmpty();
        }
        assertThat(HostPort.parse(null, 5060)).isEmpty();
    }
}
