package org.spaprov.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.server.net.FakeProvisioning;
import org.spaprov.server.net.NetSettings;
import org.spaprov.server.net.Proc;
import org.spaprov.server.net.ProvisioningServer;
import org.spaprov.server.net.TestPki;
import org.spaprov.server.config.ServerConfig.ClientCertMode;

/**
 * The HTTP/HTTPS listeners against raw sockets and curl on loopback, as an attacker or a sloppy client would talk
 * to them: 304 framing, trickled request heads, plain HTTP on the HTTPS port, connection caps.
 */
class HttpHardeningTest {
    private static final String CURL = "/usr/bin/curl";
    private static final String PROFILE = "/spa000e08aabbcc.xml";
    @TempDir
    static Path tmp;
    static FakeProvisioning fake;
    static ProvisioningServer server;
    static ProvisioningServer capped;
    static ProvisioningServer slowTls;
    static ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();

    @BeforeAll
    static void start() throws Exception {
        TestPki pki = TestPki.create(tmp.resolve("pki"));
        fake = new FakeProvisioning().put(PROFILE, "<flat-profile><Proxy_1_>sip</Proxy_1_></flat-profile>");
        TlsSettings tls = new TlsSettings(pki.serverCert(), pki.serverKey(), Optional.of(pki.caCert()),
                ClientCertMode.OPTIONAL);
        HttpLimits limits = HttpLimits.defaults().withHeadTimeout(Duration.ofMillis(500));
        server = ProvisioningServer.start(NetSettings.loopback(Optional.of(tls)).withPorts(-1, 0, 0).withLimits(limits),
                fake, fake, Clock.systemUTC());
        // Only the handshake deadline is short here: the head deadline (60 s) outlasts the test's read timeout.
        slowTls = ProvisioningServer.start(NetSettings.loopback(Optional.of(tls)).withPorts(-1, -1, 0)
                .withLimits(HttpLimits.defaults().withHeadTimeout(Duration.ofSeconds(60))
                        .withTlsHandshakeTimeout(Duration.ofMillis(300))), fake, fake, Clock.systemUTC());
        capped = ProvisioningServer.start(NetSettings.loopback(Optional.empty()).withPorts(-1, 0, -1)
                .withLimits(HttpLimits.defaults().withConnectionCaps(2, 3)), fake, fake, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        trickler.shutdownNow();
        if (server != null) {
            server.close();
        }
        if (capped != null) {
            capped.close();
        }
        if (slowTls != null) {
            slowTls.close();
        }
    }

    @Test
    void a304OnTheWireEndsAtItsHeadersWithoutContentLength() throws Exception {
        String etag = FakeProvisioning.etag(fake.files.get(PROFILE));
        try (Socket s = connect(server.httpAddress().orElseThrow(), InetAddress.getLoopbackAddress())) {
            // Two requests on one connection: whatever follows the 304's head must be the next response.
            send(s, "GET " + PROFILE + " HTTP/1.1\r\nHost: x\r\nIf-None-Match: " + etag + "\r\n\r\n"
                    + "GET " + PROFILE + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            String all = readToEnd(s);
            int end = all.indexOf("\r\n\r\n");
            String head = all.substring(0, end + 4);
            assertThat(head).startsWith("HTTP/1.1 304 Not Modified\r\n").contains("etag: " + etag)
                    .doesNotContainIgnoringCase("content-length");
            assertThat(all.substring(end + 4)).startsWith("HTTP/1.1 200 OK\r\n");
        }
    }

    @Test
    void curlSeesA304WithoutLengthOrBody() throws Exception {
        Proc.assumeInstalled(CURL);
        String etag = FakeProvisioning.etag(fake.files.get(PROFILE));
        Proc.Result r = Proc.run(List.of(CURL, "-sS", "--max-time", "10", "-D", "-", "-H", "If-None-Match: " + etag,
                "http://127.0.0.1:" + server.httpAddress().orElseThrow().getPort() + PROFILE));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.outText()).startsWith("HTTP/1.1 304").doesNotContainIgnoringCase("content-length")
                .endsWith("\r\n\r\n");
    }

    @Test
    void aTricklingRequestHeadIsClosedAtTheDeadline() throws Exception {
        try (Socket s = connect(server.httpAddress().orElseThrow(), InetAddress.getLoopbackAddress())) {
            send(s, "GET " + PROFILE + " HTTP/1.1\r\n");
            // One header byte every 50 ms: the idle timer (60 s) never fires, the head deadline (500 ms) does.
            var task = trickler.scheduleAtFixedRate(() -> {
                try {
                    s.getOutputStream().write('x');
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, 50, 50, TimeUnit.MILLISECONDS);
            try {
                assertThat(readToEnd(s)).isEmpty();
            } finally {
                task.cancel(false);
            }
        }
        assertThat(fake.requests).noneMatch(r -> r.path().contains("xxx"));
    }

    @Test
    void aStalledTlsHandshakeIsClosedAtItsDeadline() throws Exception {
        try (Socket s = connect(slowTls.httpsAddress().orElseThrow(), InetAddress.getLoopbackAddress())) {
            // The header of a TLS handshake record announcing 512 bytes, then nothing.
            s.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01});
            s.getOutputStream().flush();
            assertThat(readToEnd(s)).isEmpty();
        }
    }

    @Test
    void plainHttpOnTheHttpsPortIs400InPlainText() throws Exception {
        try (Socket s = connect(server.httpsAddress().orElseThrow(), InetAddress.getLoopbackAddress())) {
            send(s, "GET " + PROFILE + " HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(readToEnd(s)).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("connection: close")
                    .endsWith("the plain HTTP request was sent to the HTTPS port\n");
        }
        Proc.assumeInstalled(CURL);
        Proc.Result r = Proc.run(List.of(CURL, "-sS", "--max-time", "10", "-o", "/dev/null", "-w", "%{http_code}",
                "http://127.0.0.1:" + server.httpsAddress().orElseThrow().getPort() + PROFILE));
        assertThat(r.outText()).isEqualTo("400");
    }

    @Test
    void tlsStillGoesThroughTheSniffer() throws Exception {
        Proc.assumeInstalled(CURL);
        Proc.Result r = Proc.run(List.of(CURL, "-sS", "--max-time", "10", "-k", "-o", "/dev/null", "-w",
                "%{http_code}", "https://localhost:" + server.httpsAddress().orElseThrow().getPort() + PROFILE));
        assertThat(r.outText()).as(r.err()).isEqualTo("200");
    }

    @Test
    void connectionCapsRefuseNewConnectionsAndKeepServingEstablishedOnes() throws Exception {
        InetSocketAddress at = capped.httpAddress().orElseThrow();
        InetAddress one = InetAddress.getByName("127.0.0.1");
        List<Socket> open = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Socket s = connect(at, one);
                open.add(s);
                assertThat(exchange(s)).startsWith("HTTP/1.1 200 ");
            }
            // Per address: the third connection from 127.0.0.1 is closed before any answer.
            try (Socket third = connect(at, one)) {
                send(third, "GET " + PROFILE + " HTTP/1.1\r\nHost: x\r\n\r\n");
                assertThat(readToEnd(third)).isEmpty();
            }
            // Another address still gets in, up to the total cap (3) ...
            Socket other = connect(at, InetAddress.getByName("127.0.0.2"));
            open.add(other);
            assertThat(exchange(other)).startsWith("HTTP/1.1 200 ");
            // ... beyond which nobody does.
            try (Socket fourth = connect(at, InetAddress.getByName("127.0.0.3"))) {
                send(fourth, "GET " + PROFILE + " HTTP/1.1\r\nHost: x\r\n\r\n");
                assertThat(readToEnd(fourth)).isEmpty();
            }
            // The established keep-alive connections are still served at the cap.
            for (Socket s : open) {
                assertThat(exchange(s)).startsWith("HTTP/1.1 200 ");
            }
        } finally {
            for (Socket s : open) {
                s.close();
            }
        }
    }

    private static Socket connect(InetSocketAddress to, InetAddress from) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(from, 0));
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
        send(s, "GET " + PROFILE + " HTTP/1.1\r\nHost: x\r\n\r\n");
        InputStream in = s.getInputStream();
        StringBuilder sb = new StringBuilder();
        while (!sb.toString().contains("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                return sb.toString();
            }
            sb.append((char) c);
        }
        String head = sb.toString().toLowerCase(java.util.Locale.ROOT);
        int i = head.indexOf("content-length: ") + 16;
        int n = Integer.parseInt(head.substring(i, head.indexOf('\r', i)));
        sb.append(new String(in.readNBytes(n), StandardCharsets.ISO_8859_1));
        return sb.toString();
    }

    /** Everything until the server closes (a reset counts as the end). */
    private static String readToEnd(Socket s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = s.getInputStream().read(buf)) >= 0) {
                out.write(buf, 0, n);
            }
        } catch (SocketException e) {
            // connection reset after the server closed: the end
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
