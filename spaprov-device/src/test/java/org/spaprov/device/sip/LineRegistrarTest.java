package org.spaprov.device.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.spaprov.device.engine.VirtualScheduler;
import org.spaprov.device.sip.LineConfig.Off;
import org.spaprov.device.sip.LineConfig.Ready;
import org.spaprov.device.sip.LineConfig.Refused;
import org.spaprov.device.sip.LineStatus.State;

/**
 * Which lines register, and where. The guide (p. 1-5): "The Internet domains accessed by the SPA for
 * resync, upgrades, and SIP registration for Line 1 can be restricted."
 */
class LineRegistrarTest {
    private final Map<String, String> params = new ConcurrentHashMap<>(Map.of(
            "Line_Enable_1_", "Yes", "Register_1_", "Yes", "User_ID_1_", "1001", "Password_1_", "s3cret",
            "Line_Enable_2_", "Yes", "Register_2_", "Yes", "User_ID_2_", "2002", "Password_2_", "pw2",
            "Register_Expires_1_", "120", "Register_Expires_2_", "120"));

    @Test
    void restrictedAccessDomainsKeepsLineOneButNotLineTwoFromAnUnlistedRegistrar() throws Exception {
        VirtualScheduler clock = new VirtualScheduler();
        try (DatagramSocket proxy = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            proxy.setSoTimeout(10_000);
            params.put("Proxy_1_", "127.0.0.1:" + proxy.getLocalPort());
            params.put("Proxy_2_", "127.0.0.1:" + proxy.getLocalPort());
            params.put("Restricted_Access_Domains", "example.com");
            try (LineRegistrar reg = LineRegistrar.start("000e08aabbcc", n -> params.getOrDefault(n, ""), clock,
                    InetAddress.getLoopbackAddress(), LineRegistrar.Observer.NONE)) {
                clock.runDue();
                assertThat(reg.status(1).state()).isEqualTo(State.FAILED);
                assertThat(reg.status(1).detail()).isEqualTo("domain not allowed");
                String first = receive(proxy);
                assertThat(first).startsWith("REGISTER sip:127.0.0.1:" + proxy.getLocalPort() + " SIP/2.0")
                        .contains("From: <sip:2002@127.0.0.1>");
                // only line 2's REGISTER (and its retransmissions) arrive: nothing from line 1
                proxy.setSoTimeout(700);
                try {
                    while (true) {
                        assertThat(receive(proxy)).doesNotContain("sip:1001@");
                    }
                } catch (SocketTimeoutException expected) {
                    // no more datagrams
                }
                clock.advance(Duration.ofSeconds(90));
                assertThat(reg.regTimer(1)).isEqualTo(90);
            }
        }
    }

    @Test
    void linesReadTheirParameters() {
        params.put("Proxy_1_", "sip.example.com");
        assertThat(LineConfig.read(1, p -> params.getOrDefault(p, ""))).isInstanceOfSatisfying(Ready.class, r -> {
            assertThat(r.config().registrarUri()).isEqualTo("sip:sip.example.com:5060");
            assertThat(r.config().expires()).isEqualTo(120);
            assertThat(r.config().authUser()).isEqualTo("1001");
            assertThat(r.config().toString()).doesNotContain("s3cret");
        });
        params.put("Use_Auth_ID_1_", "Yes");
        params.put("Auth_ID_1_", "auth1001");
        assertThat(((Ready) LineConfig.read(1, p -> params.getOrDefault(p, ""))).config().authUser()).isEqualTo("auth1001");
        params.put("Restricted_Access_Domains", "example.com");
        assertThat(LineConfig.read(1, p -> params.getOrDefault(p, ""))).isInstanceOf(Ready.class);
        params.put("Proxy_1_", "sip.example.org:5070");
        assertThat(LineConfig.read(1, p -> params.getOrDefault(p, ""))).isEqualTo(new Refused("domain not allowed"));
        params.put("Register_1_", "No");
        assertThat(LineConfig.read(1, p -> params.getOrDefault(p, ""))).isInstanceOf(Off.class);
        assertThat(LineConfig.read(2, p -> params.getOrDefault(p, ""))).as("no Proxy_2_").isInstanceOf(Off.class);
    }

    @Test
    void refreshComesAnEighthBeforeExpiry() {
        assertThat(LineRegistrar.refreshAfter(120)).isEqualTo(105);
        assertThat(LineRegistrar.refreshAfter(3600)).isEqualTo(3150);
        assertThat(LineRegistrar.refreshAfter(2)).isEqualTo(1);
        assertThat(LineRegistrar.refreshAfter(1)).isEqualTo(1);
    }

    private static String receive(DatagramSocket s) throws Exception {
        DatagramPacket p = new DatagramPacket(new byte[4096], 4096);
        s.receive(p);
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
    }
}
