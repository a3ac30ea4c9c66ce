package org.spaprov.device.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spaprov.device.Device;
import org.spaprov.device.DeviceIdentity;
import org.spaprov.device.engine.VirtualScheduler;

/** The device's HTTP requests on the wire, against the JDK's HttpServer on loopback. */
class HttpTransportTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 4);
        server.createContext("/", ex -> {
            try (ex) {
                seen.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " Host=" + ex.getRequestHeaders().getFirst("Host"));
                byte[] body = "<flat-profile><GPP_A>chunked</GPP_A></flat-profile>".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(ex.getRequestURI().getPath().equals("/missing") ? 404 : 200, 0); // 0: chunked
                ex.getResponseBody().write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private int port() {
        return server.getAddress().getPort();
    }

    /*
     * SPEC §6.3 (G30 p38, p44): "The path must be absolute (start with /); it may be dynamic (CGI) and may
     * include a query (https://secure.me.com/profile?Linksys, http://p.tel.com/lost-reg?)".
     */
    @Test
    void aUrlEndingInAnEmptyQueryIsRequestedWithItsQuestionMark() throws IOException {
        VirtualScheduler clock = new VirtualScheduler();
        Device d = Device.builder(DeviceIdentity.of("spa2102", "000e08aabbcc")).scheduler(clock)
                .resolver(host -> List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})))
                .set("Resync_Random_Delay", "0").set("Resync_Periodic", "0").set("Upgrade_Enable", "No")
                .set("Profile_Rule", "http://prov.test:" + port() + "/lost-reg?").build();
        d.powerOn();
        clock.runDue();
        assertThat(seen).first().isEqualTo("GET /lost-reg? Host=prov.test:" + port());
        assertThat(d.param("GPP_A")).isEqualTo("chunked");
    }

    @Test
    void chunkedBodiesAndStatusesAndTheSizeLimit() {
        HttpTransport t = new HttpTransport(FetchSettings.DEFAULTS, TlsSettings.NONE);
        FetchResult ok = t.fetch(request("/p?a=1&b", Optional.empty(), 1 << 20));
        assertThat(ok).isInstanceOfSatisfying(FetchResult.Ok.class,
                o -> assertThat(new String(o.body(), StandardCharsets.UTF_8)).contains("<GPP_A>chunked</GPP_A>"));
        assertThat(t.fetch(request("/missing", Optional.empty(), 1 << 20)))
                .isEqualTo(new FetchResult.Failed(FetchError.FILE_NOT_FOUND, "HTTP 404"));
        assertThat(t.fetch(request("/big", Optional.empty(), 10))).isInstanceOfSatisfying(FetchResult.Failed.class,
                f -> assertThat(f.error()).isEqualTo(FetchError.HTTP_GET_FAILED));
        assertThat(t.fetch(request("/post", Optional.of("x=1".getBytes(StandardCharsets.UTF_8)), 1 << 20)))
                .isInstanceOf(FetchResult.Ok.class);
        assertThat(seen).containsExactly("GET /p?a=1&b Host=h.test:" + port(), "GET /missing Host=h.test:" + port(),
                "GET /big Host=h.test:" + port(), "POST /post Host=h.test:" + port());
    }

    @Test
    void aServerThatClosesMidBodyIsAFailureNotATruncatedFile() throws Exception {
        try (ServerSocket ss = new ServerSocket(0, 1, LOOPBACK)) {
            Thread.ofVirtual().start(() -> {
                try (Socket s = ss.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                    in.read(new byte[4096]);
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n<flat-profile>".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // the assertion below reports what the device saw
                }
            });
            FetchResult r = new HttpTransport(FetchSettings.DEFAULTS, TlsSettings.NONE).fetch(new FetchRequest(
                    DeviceIdentity.of("spa2102", "000e08aabbcc"), "http", "h.test", List.of(LOOPBACK), ss.getLocalPort(),
                    "/x", Optional.empty(), "ua", 1 << 20));
            assertThat(r).isInstanceOfSatisfying(FetchResult.Failed.class,
                    f -> assertThat(f.error()).isEqualTo(FetchError.HTTP_GET_FAILED));
        }
    }

    @Test
    void theRequestTargetKeepsTheQueryAndEncodesOnlyNonAscii() {
        assertThat(Http11.target("/resync?")).isEqualTo("/resync?");
        assertThat(Http11.target("/a%20b?x=%41")).isEqualTo("/a%20b?x=%41");
        assertThat(Http11.target("/caf\u00e9")).isEqualTo("/caf%C3%A9");
        assertThat(HttpTransport.hostHeader("::1", 8080, false)).isEqualTo("[::1]:8080");
        assertThat(HttpTransport.hostHeader("prov.test", 443, true)).isEqualTo("prov.test");
    }

    private FetchRequest request(String path, Optional<byte[]> post, long max) {
        return new FetchRequest(DeviceIdentity.of("spa2102", "000e08aabbcc"), "http", "h.test", List.of(LOOPBACK),
                port(), path, post, "Linksys/SPA-2102-5.2.12 (SN0E08AABBCC)", max);
    }
}
