package org.spaprov.device.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spaprov.device.peers.TestPki;

/** SPEC §9: the device's HTTPS client offers only AES suites; checked against a JDK TLS server on 127.0.0.1. */
class AesSuitesTest {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    static TestPki pki;
    static SSLContext serverContext;

    @BeforeAll
    static void pki() throws Exception {
        pki = new TestPki("test CA");
        TestPki.Issued server = pki.issue("CN=localhost");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        char[] pw = "server".toCharArray();
        ks.setKeyEntry("server", server.keys().getPrivate(), pw, new X509Certificate[] {server.cert(), pki.ca().cert()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw);
        serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);
    }

    @Test
    void onlyAesSuitesAreOffered() {
        String[] offered = AesSuites.filter(new String[] {
            "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_DHE_DSS_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA",
            "TLS_RSA_WITH_RC4_128_SHA", "TLS_DH_anon_WITH_AES_128_CBC_SHA", "TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA",
            "TLS_EMPTY_RENEGOTIATION_INFO_SCSV"});
        assertThat(offered).containsExactly("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_RSA_WITH_AES_128_CBC_SHA");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "TLSv1.3, TLS_CHACHA20_POLY1305_SHA256, https_get failed",
        "TLSv1.2, TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, https_get failed",
        "TLSv1.3, TLS_AES_128_GCM_SHA256, ok",
        "TLSv1.3, TLS_AES_256_GCM_SHA384, ok",
        "TLSv1.2, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, ok",
        "TLSv1.2, TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA, ok"})
    void aServerOfferingOnlyOneSuiteIsReachableOnlyWhenItIsAes(String protocol, String suite, String expected)
            throws Exception {
        try (SSLServerSocket ss = (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket(0, 5, LOOPBACK)) {
            ss.setEnabledProtocols(new String[] {protocol});
            ss.setEnabledCipherSuites(new String[] {suite});
            CompletableFuture<String> negotiated = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> serveOnce(ss, negotiated));

            HttpTransport t = new HttpTransport(FetchSettings.DEFAULTS, new TlsSettings(List.of(pki.ca().cert()),
                    Optional.empty(), host -> List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}))));
            FetchResult r = t.fetch(new FetchRequest(org.spaprov.device.DeviceIdentity.of("spa2102", "000e08aabbcc"),
                    "https", "localhost", List.of(LOOPBACK), ss.getLocalPort(), "/spa.xml", Optional.empty(), "Linksys/SPA-2102-5.2.12 (SN)", 1 << 20));

            if (expected.equals("ok")) {
                assertThat(r).isInstanceOf(FetchResult.Ok.class);
                assertThat(new String(((FetchResult.Ok) r).body(), StandardCharsets.UTF_8)).isEqualTo("<flat-profile/>");
                assertThat(negotiated.get(30, TimeUnit.SECONDS)).isEqualTo(suite);
            } else {
                assertThat(r).isInstanceOfSatisfying(FetchResult.Failed.class,
                        f -> assertThat(f.error().err()).isEqualTo(expected));
                assertThat(negotiated.get(30, TimeUnit.SECONDS)).startsWith("handshake failed");
            }
        }
    }

    /** Answers one HTTPS request with a small profile; completes {@code negotiated} with the suite or the failure. */
    private static void serveOnce(SSLServerSocket ss, CompletableFuture<String> negotiated) {
        try (SSLSocket s = (SSLSocket) ss.accept()) {
            try {
                s.startHandshake();
            } catch (IOException e) {
                negotiated.complete("handshake failed: " + e.getMessage());
                return;
            }
            InputStream in = s.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            byte[] body = "<flat-profile/>".getBytes(StandardCharsets.UTF_8);
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            negotiated.complete(s.getSession().getCipherSuite());
        } catch (IOException e) {
            negotiated.complete("server error: " + e);
        }
    }
}
