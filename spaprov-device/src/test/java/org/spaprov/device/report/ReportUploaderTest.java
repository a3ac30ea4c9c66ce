package org.spaprov.device.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spaprov.device.peers.Peers.requirePeer;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spaprov.device.sip.FakeDevice;

/** Report uploads to a JDK HttpServer receiver; encrypted bodies opened with the real openssl. */
class ReportUploaderTest {
    private static final Path OPENSSL = Path.of("/usr/bin/openssl");
    private static final String UA = "Linksys/SPA-2102-5.2.12 (88012BA01234)";

    /** What the receiver saw. */
    record Received(String method, String path, String contentType, String userAgent, byte[] body) {
    }

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final FakeDevice device = new FakeDevice("000e08aabbcc");
    private final ReportUploader uploader = ReportUploader.defaults();
    private HttpServer receiver;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/", ex -> {
            try (ex) {
                byte[] body = ex.getRequestBody().readAllBytes();
                received.add(new Received(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                        ex.getRequestHeaders().getFirst("Content-Type"), ex.getRequestHeaders().getFirst("User-Agent"),
                        body));
                ex.sendResponseHeaders(status.get(), -1);
            }
        });
        receiver.start();
        device.vars.put("MA", "000e08aabbcc");
        device.set("GPP_SA", "TopSecretKey").set("License_Keys", "LIC-998877").set("GPP_B", "visible-b")
                .set("Restricted_Access_Domains", "");
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort();
    }

    @Test
    void postsThePlainXmlReport() throws Exception {
        device.set("Report_Rule", base() + "/spa/$MA/rep.xml");
        ReportResult r = uploader.upload(device, Optional.empty(), UA);
        assertThat(r.outcome()).isEqualTo(ReportResult.Outcome.SENT);
        assertThat(r.encrypted()).isFalse();
        Received got = received.poll(10, TimeUnit.SECONDS);
        assertThat(got).isNotNull();
        assertThat(got.method()).isEqualTo("POST");
        assertThat(got.path()).isEqualTo("/spa/000e08aabbcc/rep.xml");
        assertThat(got.contentType()).isEqualTo("text/xml");
        assertThat(got.userAgent()).isEqualTo(UA);
        String xml = new String(got.body(), StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<flat-profile>").contains("<GPP_B>visible-b</GPP_B>")
                .contains("<User_ID_1_>1001</User_ID_1_>")
                .doesNotContain("GPP_SA").doesNotContain("TopSecretKey").doesNotContain("License_Keys")
                .doesNotContain("LIC-998877").doesNotContain("s3cret");
        assertThat(r.bytes()).isEqualTo(got.body().length);
    }

    @Test
    void encryptsWithKeySoOpensslDecrypts() throws Exception {
        requirePeer(Files.isExecutable(OPENSSL), "openssl not installed");
        device.vars.put("A", "secretphrase");
        device.set("Report_Rule", "[ --key $A ] " + base() + "/spa/$MA/rep.xml.enc");
        ReportResult r = uploader.upload(device, Optional.empty(), UA);
        assertThat(r.outcome()).isEqualTo(ReportResult.Outcome.SENT);
        assertThat(r.encrypted()).isTrue();
        assertThat(r.detail()).doesNotContain("secretphrase");
        Received got = received.poll(10, TimeUnit.SECONDS);
        assertThat(got.contentType()).isEqualTo("application/octet-stream");
        assertThat(new String(got.body(), 0, 8, StandardCharsets.US_ASCII)).isEqualTo("Salted__");
        String plain = openssl(got.body(), "secretphrase");
        assertThat(plain).startsWith("<flat-profile>").contains("<GPP_B>visible-b</GPP_B>")
                .doesNotContain("TopSecretKey");
    }

    @Test
    void keyFromGppSaExpandsInsideKeyOnly() throws Exception {
        requirePeer(Files.isExecutable(OPENSSL), "openssl not installed");
        device.vars.put("SA", "TopSecretKey");
        device.set("Report_Rule", "[--key $SA] " + base() + "/r.enc");
        assertThat(uploader.upload(device, Optional.empty(), UA).sent()).isTrue();
        Received got = received.poll(10, TimeUnit.SECONDS);
        assertThat(openssl(got.body(), "TopSecretKey")).startsWith("<flat-profile>").doesNotContain("TopSecretKey");
    }

    @Test
    void restrictedDomainsRefuseIpLiterals() {
        device.set("Report_Rule", base() + "/rep.xml").set("Restricted_Access_Domains", "example.com");
        ReportResult r = uploader.upload(device, Optional.empty(), UA);
        assertThat(r.outcome()).isEqualTo(ReportResult.Outcome.DOMAIN_NOT_ALLOWED);
        assertThat(r.detail()).isEqualTo("domain not allowed");
        assertThat(received).isEmpty();
    }

    @Test
    void serverErrorIsAFailureWithoutRetry() throws Exception {
        status.set(500);
        device.set("Report_Rule", base() + "/rep.xml");
        ReportResult r = uploader.upload(device, Optional.empty(), UA);
        assertThat(r.outcome()).isEqualTo(ReportResult.Outcome.FAILED);
        assertThat(r.detail()).isEqualTo("HTTP 500");
        assertThat(received.poll(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(received).isEmpty();
    }

    @Test
    void emptyConditionalAndBadRules() {
        device.set("Report_Rule", "");
        assertThat(uploader.upload(device, Optional.empty(), UA).outcome()).isEqualTo(ReportResult.Outcome.SKIPPED);
        device.vars.put("SWVER", "1.0");
        device.set("Report_Rule", "( $SWVER > 2.0 )? " + base() + "/rep.xml");
        assertThat(uploader.upload(device, Optional.empty(), UA).outcome()).isEqualTo(ReportResult.Outcome.SKIPPED);
        device.set("Report_Rule", "[ --post a ] " + base() + "/rep.xml");
        ReportResult bad = uploader.upload(device, Optional.empty(), UA);
        assertThat(bad.outcome()).isEqualTo(ReportResult.Outcome.BAD_RULE);
        assertThat(bad.detail()).startsWith("Report_Rule column ");
        device.set("Report_Rule", "/rep.xml");
        assertThat(uploader.upload(device, Optional.empty(), UA).outcome()).isEqualTo(ReportResult.Outcome.BAD_RULE);
        assertThat(received).isEmpty();
    }

    @Test
    void connectionRefusedIsConnectFailed() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        device.set("Report_Rule", "http://127.0.0.1:" + port + "/rep.xml");
        ReportResult r = uploader.upload(device, Optional.empty(), UA);
        assertThat(r.outcome()).isEqualTo(ReportResult.Outcome.FAILED);
        assertThat(r.detail()).isEqualTo("connect failed");
    }

    private String openssl(byte[] encrypted, String pass) throws Exception {
        Path in = dir.resolve("rep.enc");
        Path out = dir.resolve("rep.xml");
        Files.write(in, encrypted);
        Process p = new ProcessBuilder(OPENSSL.toString(), "enc", "-d", "-aes-256-cbc", "-md", "md5", "-k", pass,
                "-in", in.toString(), "-out", out.toString()).redirectErrorStream(true).start();
        String msg = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("openssl: %s", msg).isZero();
        return Files.readString(out);
    }
}
