package org.spaprov.device.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.device.Device;
import org.spaprov.device.DeviceIdentity;
import org.spaprov.device.DeviceNetwork;
import org.spaprov.device.engine.VirtualScheduler;
import org.spaprov.device.fetch.FetchRequest;
import org.spaprov.device.fetch.FetchResult;
import org.spaprov.device.fetch.HostResolver;
import org.spaprov.device.peers.Peers;

/**
 * $EXTIP against a real STUN server (Debian coturn, {@code turnserver --stun-only}) on loopback.
 * The guide: "EXTIP — External IP" (the address "as seen on the Internet"); SPEC §15.25: "the
 * configured EXT_IP when set; else, with STUN_Enable, the mapped address from an RFC 5389 binding
 * request to STUN_Server; else empty."
 */
class StunCoturnTest {
    @TempDir
    static Path dir;
    private static Coturn coturn;

    @BeforeAll
    static void start() throws IOException {
        coturn = Coturn.start(dir);
    }

    @AfterAll
    static void stop() {
        if (coturn != null) {
            coturn.close();
        }
    }

    @Test
    void theClientLearnsItsMappedAddressFromCoturn() throws IOException {
        InetSocketAddress mapped = StunClient.RFC_5389.bind(coturn.address);
        assertThat(mapped.getAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(mapped.getPort()).isBetween(1, 65535);
    }

    @Test
    void noAnswerIsAnErrorNamingTheServer() throws IOException {
        InetSocketAddress silent = new InetSocketAddress("127.0.0.1", Peers.freeUdpPort());
        assertThatThrownBy(() -> new StunClient(Duration.ofMillis(20), 2).bind(silent))
                .isInstanceOf(IOException.class).hasMessage("no answer from STUN server 127.0.0.1:" + silent.getPort()
                        + " after 2 requests");
    }

    @Test
    void stunEnableMakesExtipTheDiscoveredAddress() {
        Map<String, String> p = params("STUN_Enable", "Yes", "STUN_Server", server());
        VirtualScheduler clock = new VirtualScheduler();
        try (ExternalAddress ext = new ExternalAddress(name -> p.getOrDefault(name, ""), clock, StunClient.RFC_5389,
                HostResolver.SYSTEM).start()) {
            assertThat(ext.extIp()).as("discovered in start()").isEqualTo("127.0.0.1");
            p.put("EXT_IP", "66.43.16.52");
            assertThat(ext.extIp()).as("configured EXT_IP wins").isEqualTo("66.43.16.52");
            p.remove("EXT_IP");
            p.put("STUN_Enable", "No");
            assertThat(ext.extIp()).as("STUN off").isEmpty();
            p.put("STUN_Enable", "Yes");
            p.put("STUN_Server", "stun.example.com");
            assertThat(ext.extIp()).as("an address counts only for the server that gave it").isEmpty();
        }
    }

    @Test
    void aResyncThatTurnsStunOnIsSeenAtTheNextCheck() {
        Map<String, String> p = params();
        VirtualScheduler clock = new VirtualScheduler();
        try (ExternalAddress ext = new ExternalAddress(name -> p.getOrDefault(name, ""), clock, StunClient.RFC_5389,
                HostResolver.SYSTEM).start()) {
            assertThat(ext.extIp()).isEmpty();
            p.putAll(params("STUN_Enable", "Yes", "STUN_Server", server()));
            clock.advance(Duration.ofSeconds(ExternalAddress.RECHECK_SECONDS - 1));
            assertThat(ext.extIp()).as("not checked yet").isEmpty();
            clock.advance(Duration.ofSeconds(1));
            assertThat(ext.extIp()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void aRuleExpandsExtipToTheStunAddress() throws IOException {
        VirtualScheduler clock = new VirtualScheduler();
        List<String> paths = new java.util.concurrent.CopyOnWriteArrayList<>();
        DeviceNetwork net = new DeviceNetwork();
        Device d = Device.builder(DeviceIdentity.of("spa2102", "000e08aabbcc")).scheduler(clock).network(net)
                .syslog(false).resolver(host -> List.of(InetAddress.getByName("127.0.0.1")))
                .transport(r -> record(paths, r))
                .set("STUN_Enable", "Yes").set("STUN_Server", server()).set("Resync_Random_Delay", "0")
                .set("Profile_Rule", "http://prov.test/spa-$EXTIP.xml").build();
        try (net) {
            net.start(d, clock, new DeviceNetwork.Settings(InetAddress.getLoopbackAddress(), Optional.empty(), false,
                    StunClient.RFC_5389, HostResolver.SYSTEM));
            d.powerOn(); // start() discovered already: the power-up resync sees $EXTIP
            clock.runUntil(() -> !paths.isEmpty(), Duration.ofMinutes(1));
            assertThat(paths).containsExactly("/spa-127.0.0.1.xml");
            assertThat(d.variables().getOrEmpty("EXTIP")).isEqualTo("127.0.0.1");
        }
    }

    private static FetchResult record(List<String> paths, FetchRequest r) {
        paths.add(r.path());
        return new FetchResult.Ok("<flat-profile/>".getBytes(StandardCharsets.UTF_8), r.addresses().get(0));
    }

    private static String server() {
        return "127.0.0.1:" + coturn.address.getPort();
    }

    private static Map<String, String> params(String... kv) {
        Map<String, String> m = new ConcurrentHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
