package org.spaprov.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.server.net.NetSettings;
import org.spaprov.server.pki.KeyKind;
import org.spaprov.server.site.SiteInit;

/** The limits of a site's {@code spaprov.yaml} reach the transports of its server. */
class SiteLimitsTest {
    @TempDir
    Path dir;

    @Test
    void theYamlLimitsReachTheTransportsAndAConnectionCapTakesEffect() throws Exception {
        Path site = dir.resolve("site");
        SiteInit.write(site, Clock.systemUTC(), KeyKind.EC_P256);
        Files.writeString(site.resolve("spaprov.yaml"), """
                http:
                  head-timeout: 20s
                  connections-per-address: 1
                  max-connections: 64
                tftp:
                  transfers-per-address: 7
                  max-upload: 64KiB
                """, java.nio.file.StandardOpenOption.APPEND);
        try (SpaprovServer server = SpaprovServer.start(site,
                SpaprovServer.Overrides.NONE.withDataDir(dir.resolve("data")).withPorts(0, 0, -1, -1),
                Clock.systemUTC())) {
            NetSettings settings = NetSettings.of(server.core().config());
            assertThat(settings.limits().headTimeout()).isEqualTo(Duration.ofSeconds(20));
            assertThat(settings.limits().maxConnectionsPerAddress()).isEqualTo(1);
            assertThat(settings.limits().maxConnections()).isEqualTo(64);
            assertThat(settings.tftp().peerLimits().transfersPerAddress()).isEqualTo(7);
            assertThat(settings.tftp().maxUpload()).isEqualTo(64 << 10);

            InetSocketAddress http = server.httpAddress().orElseThrow();
            try (Socket first = connect(http)) {
                assertThat(exchange(first)).startsWith("HTTP/1.1 200 ");
                // One connection per address: a second one from 127.0.0.1 is closed before any answer ...
                try (Socket second = connect(http)) {
                    send(second, "GET /spa2102.cfg HTTP/1.1\r\nHost: x\r\n\r\n");
                    assertThat(readToEnd(second)).isEmpty();
                }
                // ... while the established one is still served.
                assertThat(exchange(first)).startsWith("HTTP/1.1 200 ");
            }
        }
    }

    private static Socket connect(InetSocketAddress to) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        s.connect(to, 10_000);
        s.setSoTimeout(30_000);
        return s;
    }

    private static void send(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
    }

    /** One keep-alive request and its whole response (the body length is known from content-length). */
    private static String exchange(Socket s) throws IOException {
        send(s, "GET /spa2102.cfg HTTP/1.1\r\nHost: x\r\n\r\n");
        InputStream in = s.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                return head.toString();
            }
            head.append((char) c);
        }
        int length = head.toString().lines().filter(l -> l.toLowerCase().startsWith("content-length:"))
                .mapToInt(l -> Integer.parseInt(l.substring(15).trim())).findFirst().orElse(0);
        in.readNBytes(length);
        return head.toString();
    }

    private static String readToEnd(Socket s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            s.getInputStream().transferTo(out);
        } catch (SocketException e) {
            // reset after the server closed: the end
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
