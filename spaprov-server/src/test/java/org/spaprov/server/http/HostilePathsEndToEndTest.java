package org.spaprov.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.commons.net.tftp.TFTP;
import org.apache.commons.net.tftp.TFTPClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.server.net.NetSettings;
import org.spaprov.server.net.ProvisioningServer;
import org.spaprov.server.net.TestPki;
import org.spaprov.server.provision.PathGuard;
import org.spaprov.server.provision.Protocol;
import org.spaprov.server.provision.ProvisionRequest;
import org.spaprov.server.provision.ServerCore;
import org.spaprov.server.SpaprovServer;
import org.spaprov.server.provision.BoundPorts;
import org.spaprov.server.provision.ProvisionChain;

/**
 * Hostile paths through every transport entry of a real server — HTTP GET and POST, HTTPS GET, TFTP RRQ and WRQ,
 * and the chain itself — all refused, by the one {@link PathGuard} (the percent-decoding and segment checks exist
 * nowhere else in the server; a path only spaprov-tftp's own codec refuses first is still refused by the chain).
 */
class HostilePathsEndToEndTest {
    /** Each names a site file by escaping, and each is refused by PathGuard. */
    static final List<String> HOSTILE = List.of("/../spaprov.yaml", "/%2e%2e/spaprov.yaml", "/%2E%2e/devices.csv",
            "/firmware/..%2f..%2fdevices.csv", "/a\\..\\devices.csv", "//etc/passwd", "/x%00.xml", "/%zz",
            "/./spaprov.yaml", "/C:/boot.ini", "/" + "x".repeat(300) + ".xml");
    @TempDir
    static Path site;
    static TestPki pki;
    static ServerCore core;
    static SpaprovServer server;
    static ProvisionChain chain;

    @BeforeAll
    static void start() throws Exception {
        pki = TestPki.create(site.resolve("pki"));
        Files.writeString(site.resolve("spaprov.yaml"), """
                listen: {bind: 127.0.0.1, tftp: 0, http: 0, https: 0}
                tls: {client-certs: optional}
                """);
        Files.createDirectories(site.resolve("layers"));
        Files.writeString(site.resolve("layers/global.xml"), "<flat-profile><Proxy_1_>sip</Proxy_1_></flat-profile>\n");
        Files.writeString(site.resolve("devices.csv"), "mac,model,serial,groups,key\n000e08aaaaaa,spa2102,SN1,,\n");
        server = SpaprovServer.start(site, SpaprovServer.Overrides.NONE.withDataDir(site.resolve(".data")),
                Clock.systemUTC());
        core = server.core();
        chain = core.chain(new BoundPorts(-1, -1, -1));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void pathGuardRefusesEveryOne() {
        for (String p : HOSTILE) {
            assertThat(PathGuard.check(p)).as(p).isInstanceOf(PathGuard.Refused.class);
        }
    }

    @Test
    void httpGetAndPostAnswer400() throws Exception {
        InetSocketAddress at = server.httpAddress().orElseThrow();
        for (String p : HOSTILE) {
            for (String method : List.of("GET", "POST")) {
                try (Socket s = new Socket(at.getAddress(), at.getPort())) {
                    assertThat(ask(s, method, p)).as(method + " " + p).startsWith("HTTP/1.1 400 ");
                }
            }
        }
    }

    @Test
    void httpsGetAnswers400() throws Exception {
        SSLContext tls = trusting(pki.caCert());
        InetSocketAddress at = server.httpsAddress().orElseThrow();
        for (String p : HOSTILE) {
            try (Socket s = tls.getSocketFactory().createSocket(at.getAddress(), at.getPort())) {
                assertThat(ask(s, "GET", p)).as(p).startsWith("HTTP/1.1 400 ");
            }
        }
    }

    @Test
    void tftpReadsAndWritesAreRefused() throws Exception {
        TFTPClient c = new TFTPClient();
        c.setDefaultTimeout(java.time.Duration.ofSeconds(5));
        c.open();
        try {
            int port = server.tftpAddress().orElseThrow().getPort();
            for (String p : HOSTILE.stream().filter(p -> p.length() < 200).toList()) {
                assertThatThrownBy(() -> c.receiveFile(p, TFTP.BINARY_MODE, new ByteArrayOutputStream(),
                        InetAddress.getLoopbackAddress(), port)).as("RRQ " + p).isInstanceOf(IOException.class);
                assertThatThrownBy(() -> c.sendFile(p, TFTP.BINARY_MODE, new ByteArrayInputStream(new byte[] {1}),
                        InetAddress.getLoopbackAddress(), port)).as("WRQ " + p).isInstanceOf(IOException.class);
            }
        } finally {
            c.close();
        }
    }

    @Test
    void theChainRefusesThemForEveryProtocol() {
        InetSocketAddress from = new InetSocketAddress("127.0.0.1", 40000);
        for (String p : HOSTILE) {
            for (Protocol proto : Protocol.values()) {
                assertThat(chain.handle(ProvisionRequest.of(proto, p, from)).status())
                        .as(proto + " " + p).isEqualTo(403);
                assertThat(core.reportSink().accept(ProvisionRequest.of(proto, p, from), new byte[] {1}))
                        .as("report " + proto + " " + p).isEqualTo(403);
            }
        }
    }

    private static String ask(Socket s, String method, String path) throws IOException {
        s.setSoTimeout(30_000);
        String body = method.equals("POST") ? "x" : "";
        s.getOutputStream().write((method + " " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
        return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    private static SSLContext trusting(Path caPem) throws Exception {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(caPem)) {
            ks.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
