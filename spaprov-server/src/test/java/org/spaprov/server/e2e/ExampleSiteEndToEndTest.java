package org.spaprov.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.device.ClientCredentials;
import org.spaprov.device.Device;
import org.spaprov.device.DeviceIdentity;
import org.spaprov.device.engine.VirtualScheduler;
import org.spaprov.device.fetch.HostResolver;
import org.spaprov.device.fetch.TlsSettings;
import org.spaprov.server.SpaprovServer;
import org.spaprov.server.pki.KeyKind;
import org.spaprov.server.pki.Pem;
import org.spaprov.server.site.SiteInit;
import org.spaprov.server.store.ProvisionEvent;

/**
 * The example site of {@code spaprov site init} (ports overridden to ones picked at run time), with its
 * three devices emulated with the certificates the site made for them: bootstrap over TFTP, their own
 * profiles over HTTPS with client certificates (the layers name the server by {@code {{ server.* }}}), the
 * keyed device's encrypted profile over HTTP, and the firmware upgrade the site's target version asks for.
 */
class ExampleSiteEndToEndTest {
    @TempDir
    static Path dir;
    static SpaprovServer server;

    @BeforeAll
    static void start() throws Exception {
        SiteInit.write(dir, Clock.systemUTC(), KeyKind.EC_P256);
        server = SpaprovServer.start(dir, SpaprovServer.Overrides.NONE.withPorts(0, 0, 0, -1), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static int port(Optional<InetSocketAddress> a) {
        return a.map(InetSocketAddress::getPort).orElse(-1);
    }

    /** An example device at firmware 5.2.10 with the site's certificate for it, pointed at the bootstrap name. */
    private static Device device(String[] example, VirtualScheduler clock, DeviceLog log) throws Exception {
        String mac = example[0];
        ClientCredentials cert = new ClientCredentials(Pem.readCertificates(dir.resolve("pki/devices/" + mac + ".crt")),
                Pem.readPrivateKey(dir.resolve("pki/devices/" + mac + ".key")));
        return Device.builder(new DeviceIdentity(example[1], mac, example[3], null, Optional.of(cert)))
                .firmware("5.2.10").scheduler(clock).random(RandomGenerator.of("L64X128MixRandom"))
                .tls(new TlsSettings(Pem.readCertificates(dir.resolve("pki/ca.crt")), Optional.empty(),
                        HostResolver.SYSTEM))
                .events(log).observer(log)
                .set("Resync_Random_Delay", "0")
                .set("Profile_Rule", "tftp://127.0.0.1:" + port(server.tftpAddress()) + "/spa$PSN.cfg")
                .build();
    }

    @Test
    void everyExampleDeviceBootstrapsTakesItsProfileOverHttpsAndTheSpa2102sUpgrade() throws Exception {
        String https = "https://localhost:" + port(server.httpsAddress());
        for (int i = 0; i < SiteInit.DEVICES.size(); i++) {
            String[] ex = SiteInit.DEVICES.get(i);
            VirtualScheduler clock = new VirtualScheduler();
            DeviceLog log = new DeviceLog();
            Device d = device(ex, clock, log);

            d.powerOn();
            clock.advance(Duration.ZERO);
            assertThat(d.param("Profile_Rule")).as(ex[0]).isEqualTo(https + "/spa$MA.xml");
            clock.advance(Duration.ofSeconds(60)); // the bootstrap's Resync_Periodic

            assertThat(log.lines()).as(ex[0]).containsSubsequence("resync-request " + https + "/spa" + ex[0] + ".xml",
                    "resync-success");
            assertThat(log.lines()).as(ex[0]).noneMatch(l -> l.startsWith("resync-failure"));
            assertThat(d.param("User_ID_1_")).as(ex[0]).isEqualTo("100" + (i + 1));
            assertThat(d.param("Password_1_")).as(ex[0]).isEqualTo("pw-100" + (i + 1) + "-change-me");
            assertThat(d.param("Proxy_1_")).as(ex[0]).isEqualTo("sip.example.net");
            assertThat(server.core().store().lastContact(ex[0])).as(ex[0]).hasValueSatisfying(c -> {
                assertThat(c.protocol()).isIn("https", "http");
                assertThat(c.userAgent()).isPresent();
            });
            if (ex[1].equals("spa2102")) {
                assertThat(d.firmwareVersion()).as(ex[0]).isEqualTo("5.2.12");
                assertThat(log.lines()).as(ex[0]).contains("upgrade-success 5.2.12");
                assertThat(d.param("Line_Enable_2_")).isEqualTo("Yes");
            } else {
                assertThat(d.firmwareVersion()).as(ex[0]).isEqualTo("5.2.10"); // no pap2t target in the site
                assertThat(d.param("Line_Enable_2_")).isEqualTo("No");
            }
            if (ex[0].equals("000e08aabb02")) {
                assertThat(d.param("GPP_SA")).isEqualTo(SiteInit.EXAMPLE_KEY);
                assertThat(log.lines()).contains("resync-request http://localhost:" + port(server.httpAddress())
                        + "/spa000e08aabb02.cfg");
            }
        }
        server.core().store().flush();
        List<ProvisionEvent> events = server.core().store().recentEvents(10_000);
        assertThat(events).filteredOn(e -> e.protocol().equals("https") && e.status() == 200)
                .extracting(e -> e.mac().orElse("?")).contains("000e08aabb01", "000e08aabb02", "000e08aabb03");
        assertThat(events).filteredOn(e -> e.file().endsWith("spa000e08aabb02.cfg") && e.status() == 200)
                .extracting(ProvisionEvent::reason).allMatch(r -> r.contains("encrypted"));
    }
}
