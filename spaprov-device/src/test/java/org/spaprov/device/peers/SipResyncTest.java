package org.spaprov.device.peers;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.device.Device;
import org.spaprov.device.DeviceIdentity;
import org.spaprov.device.engine.RealTimeScheduler;
import org.spaprov.device.sip.SipNotifyListener;

/** sipp sends an authenticated NOTIFY resync to a real emulated device, which then resyncs ($PRVST = -1). */
class SipResyncTest {
    private static final Path SIPP = Path.of("/usr/bin/sipp");

    @TempDir
    Path dir;

    @Test
    void authenticatedNotifyResyncMakesTheDeviceResync() throws Exception {
        Peers.assumeBinary(SIPP);
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", ex -> {
            byte[] b = "<flat-profile><GPP_N>notified</GPP_N></flat-profile>".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        http.start();
        Recorder r = new Recorder();
        try (RealTimeScheduler clock = new RealTimeScheduler()) {
            Device d = Device.builder(DeviceIdentity.of("spa2102", "000e08aabbcc")).scheduler(clock).events(r).observer(r)
                    .set("Resync_On_Reset", "No").set("User_ID_1_", "1001").set("Password_1_", "s3cret")
                    .set("Profile_Rule", "http://127.0.0.1:" + http.getAddress().getPort() + "/$MA.xml").build();
            d.powerOn();
            try (SipNotifyListener sip = SipNotifyListener.start(d, 0)) {
                Path sf = dir.resolve("notify_auth.xml");
                try (InputStream in = getClass().getResourceAsStream("/sipp/notify_auth.xml")) {
                    Files.copy(in, sf);
                }
                Process p = new ProcessBuilder(List.of(SIPP.toString(), "127.0.0.1:" + sip.port(), "-sf", sf.toString(),
                        "-key", "event", "resync", "-s", "spa", "-m", "1", "-i", "127.0.0.1",
                        "-p", String.valueOf(Peers.freeUdpPort()), "-cp", String.valueOf(Peers.freeUdpPort()),
                        "-nostdin", "-timeout", "20s", "-timeout_error"))
                        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("sipp.out").toFile())
                        .start();
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).as("sipp exit code").isZero();
                assertThat(r.resync.get(20, TimeUnit.SECONDS)).isEmpty();
            }
            assertThat(d.param("GPP_N")).isEqualTo("notified");
            assertThat(r.vars.get(0).getOrEmpty("PRVST")).isEqualTo("-1");
        } finally {
            http.stop(0);
        }
    }
}
