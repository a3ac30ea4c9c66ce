package org.spaprov.device.peers;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.spaprov.device.Device;
import org.spaprov.device.DeviceIdentity;
import org.spaprov.device.engine.RealTimeScheduler;

/** The device's sendReport goes through periph's ReportUploader: one POST, no secrets. */
class ReportTest {
    @Test
    void sendReportPostsTheRunningConfigWithoutSecrets() throws Exception {
        CompletableFuture<String> got = new CompletableFuture<>();
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", ex -> {
            got.complete(ex.getRequestMethod() + " " + ex.getRequestURI() + " " + ex.getRequestHeaders().getFirst("User-Agent")
                    + "\n" + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        http.start();
        try (RealTimeScheduler clock = new RealTimeScheduler()) {
            Device d = Device.builder(DeviceIdentity.of("spa2102", "000e08aabbcc")).scheduler(clock)
                    .set("Report_Rule", "http://127.0.0.1:" + http.getAddress().getPort() + "/rep/$MA.xml")
                    .set("GPP_A", "visible").set("GPP_SA", "hidden-key").set("Password_1_", "hidden-pw").build();
            d.sendReport();
            String req = got.get(20, TimeUnit.SECONDS);
            assertThat(req).startsWith("POST /rep/000e08aabbcc.xml Linksys/SPA-2102-5.2.12 (SN0E08AABBCC)")
                    .contains("visible").doesNotContain("hidden-key").doesNotContain("hidden-pw");
        } finally {
            http.stop(0);
        }
    }
}
