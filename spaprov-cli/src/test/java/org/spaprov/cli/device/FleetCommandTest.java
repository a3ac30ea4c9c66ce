package org.spaprov.cli.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetCommandTest {
    @Test
    void aSmallFleetAgainstAnHttpServerSummarisesOutcomes() throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", ex -> {
            boolean odd = ex.getRequestURI().getPath().matches(".*[13579bdf]\\.xml");
            byte[] body = "<flat-profile><GPP_A>x</GPP_A></flat-profile>".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(odd ? 404 : 200, odd ? -1 : body.length);
            if (!odd) {
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        http.start();
        try {
            DeviceCliRun r = DeviceCliRun.run("fleet", "--count", "40", "--mac-base", "000e08000000", "--no-progress",
                    "--time-scale", "20", "--set", "Profile_Rule=http://127.0.0.1:" + http.getAddress().getPort() + "/$MA.xml");
            assertThat(r.code()).as(r.err()).isEqualTo(1);
            assertThat(r.out()).contains("devices:      40 (40 finished a resync)", "successes:    20",
                    "failures:     20", "  file not found           20", "requests:     40", "latency:      p50",
                    "bytes per device");
            DeviceCliRun j = DeviceCliRun.run("fleet", "--count", "10", "--mac-base", "000e08000000", "--no-progress",
                    "--json", "--time-scale", "20", "--set",
                    "Profile_Rule=(\"$MA\" ne \"x\")? http://127.0.0.1:" + http.getAddress().getPort() + "/0.xml");
            assertThat(j.code()).as(j.err()).isZero();
            assertThat(j.out()).contains("\"devices\":10", "\"successes\":10", "\"failures\":{}");
            DeviceCliRun sip = DeviceCliRun.run("fleet", "--count", "2", "--mac-base", "000e08000000", "--no-progress",
                    "--sip-port", "0", "--time-scale", "20", "--set",
                    "Profile_Rule=http://127.0.0.1:" + http.getAddress().getPort() + "/0.xml");
            assertThat(sip.code()).as(sip.err()).isZero();
            assertThat(sip.out()).containsPattern("(?m)^listening sip 127\\.0\\.0\\.1:[1-9][0-9]*$");
        } finally {
            http.stop(0);
        }
    }

    @Test
    void usageErrors() {
        assertThat(DeviceCliRun.run("fleet", "--count", "0", "--mac-base", "000e08000000").code()).isEqualTo(2);
        assertThat(DeviceCliRun.run("fleet", "--count", "5", "--mac-base", "zz").code()).isEqualTo(2);
        DeviceCliRun r = DeviceCliRun.run("fleet", "--count", "5", "--mac-base", "000e08000000", "--until", "forever");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--until forever needs --duration");
        DeviceCliRun port = DeviceCliRun.run("fleet", "--count", "5", "--mac-base", "000e08000000", "--sip-port", "70000");
        assertThat(port.code()).isEqualTo(2);
        assertThat(port.err()).contains("--sip-port must be 0..65535, got 70000");
        DeviceCliRun badDuration = DeviceCliRun.run("fleet", "--count", "5", "--mac-base", "000e08000000",
                "--duration", "soon");
        assertThat(badDuration.code()).isEqualTo(2);
        assertThat(badDuration.err()).contains("--duration", "'soon' is not a duration (90s, 30m, 2h, 1d or ISO PT1H30M)");
    }

    @Test
    void fleetChecksItsDeviceOptionsBeforeAnyDeviceStarts(@TempDir Path dir) throws Exception {
        String[] base = {"fleet", "--count", "5", "--mac-base", "000e08000000", "--no-progress"};
        DeviceCliRun wrongCase = DeviceCliRun.run(with(base, "--set", "Profile_rule=http://127.0.0.1:1/x"));
        assertThat(wrongCase.code()).isEqualTo(1);
        assertThat(wrongCase.err()).isEqualTo("spaprov: --set: unknown parameter Profile_rule for SPA2102;"
                + " did you mean Profile_Rule?\n");
        DeviceCliRun model = DeviceCliRun.run(with(base, "--model", "spa9999"));
        assertThat(model.code()).isEqualTo(2);
        assertThat(model.err()).contains("unknown model 'spa9999'", "spa2102", "spa3102", "pap2t");
        DeviceCliRun ca = DeviceCliRun.run(with(base, "--ca", dir.resolve("nosuch.crt").toString()));
        assertThat(ca.code()).isEqualTo(1);
        assertThat(ca.err()).isEqualTo("spaprov: --ca " + dir.resolve("nosuch.crt") + ": no such file\n");
        DeviceCliRun certs = DeviceCliRun.run(with(base, "--cert-dir", dir.resolve("nosuch").toString()));
        assertThat(certs.code()).isEqualTo(1);
        assertThat(certs.err()).isEqualTo("spaprov: --cert-dir " + dir.resolve("nosuch") + ": no such directory\n");
    }

    static String[] with(String[] base, String... more) {
        String[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
