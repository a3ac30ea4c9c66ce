package org.spaprov.device.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spaprov.device.Device;
import org.spaprov.device.DeviceEvents;
import org.spaprov.device.DeviceIdentity;
import org.spaprov.device.engine.VirtualScheduler;
import org.spaprov.profile.codec.Digest;
import org.spaprov.profile.codec.OpenSslAes;

/**
 * A real device's {@code Report_Rule=[--key $SA] url} (issue 10, item 3), on a virtual clock with a
 * JDK HttpServer on loopback as the receiver.
 *
 * <p>SPEC §4.3: "SA..SD — contents of GPP_SA..GPP_SD; only inside --key". SPEC §8 (SB p55): "if --key
 * is given, the report is encrypted with AES-256-CBC so that openssl enc -d -aes-256-cbc -k secretphrase
 * decrypts it".
 */
class ReportKeyTest {
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    private final List<ReportResult> results = new CopyOnWriteArrayList<>();
    private final VirtualScheduler clock = new VirtualScheduler();
    private HttpServer receiver;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        receiver.createContext("/", ex -> {
            try (ex) {
                bodies.add(ex.getRequestBody().readAllBytes());
                ex.sendResponseHeaders(200, -1);
            }
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    private Device device(String gppSa) throws IOException {
        return Device.builder(DeviceIdentity.of("spa2102", "000e08aabbcc")).scheduler(clock)
                .events(new DeviceEvents() {
                    @Override
                    public void report(ReportResult r) {
                        results.add(r);
                    }
                })
                .set("Report_Rule", "[--key $SA] http://127.0.0.1:" + receiver.getAddress().getPort() + "/rep/$MA.xml.enc")
                .set("GPP_SA", gppSa).set("GPP_B", "visible-b").build();
    }

    @Test
    void theKeyFromGppSaEncryptsTheReport() throws Exception {
        device("TopSecretKey").sendReport();
        clock.runDue();
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(ReportResult.Outcome.SENT);
            assertThat(r.encrypted()).isTrue();
        });
        assertThat(bodies).hasSize(1);
        byte[] body = bodies.get(0);
        assertThat(new String(body, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("Salted__");
        String xml = new String(OpenSslAes.decrypt(body, "TopSecretKey", Digest.MD5), StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<flat-profile>").contains("visible-b").doesNotContain("TopSecretKey");
    }

    @Test
    void aKeyThatExpandsToNothingSendsNothingAndSaysSo() throws Exception {
        device("").sendReport();
        clock.runDue();
        assertThat(bodies).isEmpty();
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(ReportResult.Outcome.NO_KEY);
            assertThat(r.sent()).isFalse();
            assertThat(r.detail()).contains("--key");
        });
    }
}
