package org.spaprov.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.server.pki.KeyKind;
import org.spaprov.server.provision.ServerCore;
import org.spaprov.server.site.SiteInit;

/** {@code spaprov serve} in its own JVM, stopped the way an init system stops it: SIGTERM. */
class ServeSignalTest {
    @TempDir
    Path tmp;

    @Test
    void sigtermFlushesTheStoreAndExitsZeroAsHelpSays() throws Exception {
        Path site = tmp.resolve("site");
        Path data = tmp.resolve("data");
        SiteInit.write(site, Clock.systemUTC(), KeyKind.EC_P256);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(java, "-cp", cp, "org.spaprov.cli.Main", "serve", "--site", site.toString(),
                "--data", data.toString(), "--bind", "127.0.0.1", "--tftp-port", "-1", "--http-port", "0",
                "--https-port", "-1").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine(); // blocks until serve listens
            assertThat(line).startsWith("listening http 127.0.0.1:");
            int port = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1));
            HttpResponse<byte[]> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + port + "/spa" + SiteInit.DEVICES.get(1)[0] + ".cfg")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(res.statusCode()).isEqualTo(200);
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        } finally {
            p.destroyForcibly();
        }
        // The request's event was written to the store before the process ended.
        try (ServerCore core = ServerCore.open(site, Optional.of(data), Optional.empty(), Clock.systemUTC())) {
            List<String> files = core.store().recentEvents(100).stream().map(e -> e.file()).toList();
            assertThat(files).contains("/spa" + SiteInit.DEVICES.get(1)[0] + ".cfg");
        }
    }
}
