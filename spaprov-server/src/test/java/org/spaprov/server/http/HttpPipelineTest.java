package org.spaprov.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.spaprov.server.net.FakeProvisioning;
import org.spaprov.server.provision.ProvisionService;

class HttpPipelineTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T07:00:00Z"), ZoneOffset.UTC);
    private final FakeProvisioning fake = new FakeProvisioning()
            .put("/spa000e08aabbcc.xml", "<flat-profile><Proxy_1_>sip.example.com</Proxy_1_></flat-profile>")
            .put("/firmware/spa2102-5.2.12.bin", "0123456789abcdefghij");

    private EmbeddedChannel channel(ProvisionService service, Executor executor) {
        EmbeddedChannel ch = new EmbeddedChannel();
        HttpBackend backend = new HttpBackend(service, fake, executor, CLOCK, HttpLimits.defaults());
        new HttpServerInitializer(backend, Optional.empty()).addHttp(ch.pipeline());
        return ch;
    }

    private EmbeddedChannel channel() {
        return channel(fake, HttpBackend.INLINE);
    }

    private static String exchange(EmbeddedChannel ch, String request) {
        ch.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.ISO_8859_1));
        StringBuilder sb = new StringBuilder();
        ByteBuf b;
        while ((b = ch.readOutbound()) != null) {
            sb.append(b.toString(StandardCharsets.ISO_8859_1));
            b.release();
        }
        return sb.toString();
    }

    @Test
    void getServesBodyWithValidatorsAndLength() {
        EmbeddedChannel ch = channel();
        String res = exchange(ch, "GET /spa000e08aabbcc.xml HTTP/1.1\r\nHost: x\r\nUser-Agent: Linksys/SPA2102-5.2.12 (ABC)\r\n\r\n");
        assertThat(res).startsWith("HTTP/1.1 200 OK\r\n")
                .contains("content-length: 65\r\n", "content-type: text/xml\r\n",
                        "etag: " + FakeProvisioning.etag(fake.files.get("/spa000e08aabbcc.xml")),
                        "date: Tue, 24 Nov 2026 07:00:00 GMT")
                .endsWith("<flat-profile><Proxy_1_>sip.example.com</Proxy_1_></flat-profile>")
                .doesNotContain("connection: close");
        assertThat(ch.isActive()).isTrue();
        assertThat(fake.requests.getFirst().userAgent()).contains("Linksys/SPA2102-5.2.12 (ABC)");
        assertThat(fake.requests.getFirst().path()).isEqualTo("/spa000e08aabbcc.xml");
    }

    @Test
    void aNotModifiedHasNeitherBodyNorContentLength() {
        // RFC 9110 §15.4.5: a 304 ends at its header section; a content-length: 0 would describe an empty body.
        String etag = FakeProvisioning.etag(fake.files.get("/spa000e08aabbcc.xml"));
        EmbeddedChannel ch = channel();
        String res = exchange(ch, "GET /spa000e08aabbcc.xml HTTP/1.1\r\nHost: x\r\nIf-None-Match: " + etag + "\r\n\r\n");
        assertThat(res).startsWith("HTTP/1.1 304 Not Modified\r\n").contains("etag: " + etag).endsWith("\r\n\r\n")
                .doesNotContainIgnoringCase("content-length").doesNotContainIgnoringCase("content-type");
        String head = exchange(ch, "HEAD /spa000e08aabbcc.xml HTTP/1.1\r\nHost: x\r\nIf-None-Match: " + etag + "\r\n\r\n");
        assertThat(head).startsWith("HTTP/1.1 304 ").doesNotContainIgnoringCase("content-length");
        assertThat(ch.isActive()).isTrue();
    }

    @Test
    void theTransportDoesNotDecide304Itself() {
        String etag = FakeProvisioning.etag(fake.files.get("/firmware/spa2102-5.2.12.bin"));
        ProvisionService ignoresValidators = r -> fake.handle(new org.spaprov.server.provision.ProvisionRequest(
                r.protocol(), r.path(), r.remote(), r.userAgent(), r.clientCert(), Optional.empty()));
        String res = exchange(channel(ignoresValidators, HttpBackend.INLINE),
                "GET /firmware/spa2102-5.2.12.bin HTTP/1.1\r\nHost: x\r\nIf-None-Match: " + etag + "\r\n\r\n");
        assertThat(res).startsWith("HTTP/1.1 200 ");
    }

    @Test
    void anUnknownMajorVersionIs505AndCloses() {
        EmbeddedChannel ch = channel();
        assertThat(exchange(ch, "GET /spa000e08aabbcc.xml HTTP/9.9\r\nHost: x\r\n\r\n"))
                .startsWith("HTTP/1.1 505 ").contains("connection: close");
        assertThat(ch.isActive()).isFalse();
        assertThat(fake.requests).isEmpty();
    }

    @Test
    void http11WithoutOrWithTwoHostsIs400() {
        EmbeddedChannel none = channel();
        assertThat(exchange(none, "GET /spa000e08aabbcc.xml HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 400 ");
        assertThat(none.isActive()).isFalse();
        EmbeddedChannel two = channel();
        assertThat(exchange(two, "GET /spa000e08aabbcc.xml HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"))
                .startsWith("HTTP/1.1 400 ");
        assertThat(fake.requests).isEmpty();
        // HTTP/1.0 has no Host requirement.
        assertThat(exchange(channel(), "GET /spa000e08aabbcc.xml HTTP/1.0\r\n\r\n")).startsWith("HTTP/1.0 200 ");
    }

    @Test
    void rangeOnFirmwareGives206And416() {
        EmbeddedChannel ch = channel();
        String part = exchange(ch, "GET /firmware/spa2102-5.2.12.bin HTTP/1.1\r\nHost: x\r\nRange: bytes=10-14\r\n\r\n");
        assertThat(part).startsWith("HTTP/1.1 206 Partial Content\r\n")
                .contains("content-range: bytes 10-14/20", "content-length: 5", "accept-ranges: bytes")
                .endsWith("\r\n\r\nabcde");
        String suffix = exchange(ch, "GET /firmware/spa2102-5.2.12.bin HTTP/1.1\r\nHost: x\r\nRange: bytes=-3\r\n\r\n");
        assertThat(suffix).contains("content-range: bytes 17-19/20").endsWith("hij");
        String bad = exchange(ch, "GET /firmware/spa2102-5.2.12.bin HTTP/1.1\r\nHost: x\r\nRange: bytes=20-\r\n\r\n");
        assertThat(bad).startsWith("HTTP/1.1 416 ").contains("content-range: bytes */20");
        String profile = exchange(ch, "GET /spa000e08aabbcc.xml HTTP/1.1\r\nHost: x\r\nRange: bytes=0-1\r\n\r\n");
        assertThat(profile).startsWith("HTTP/1.1 200 ");
        assertThat(ch.isActive()).isTrue();
    }

    @Test
    void headHasLengthButNoBody() {
        String res = exchange(channel(), "HEAD /spa000e08aabbcc.xml HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(res).startsWith("HTTP/1.1 200 ").contains("content-length: 65").endsWith("\r\n\r\n");
    }

    @Test
    void unknownFileIs404AndKeepsTheConnection() {
        EmbeddedChannel ch = channel();
        assertThat(exchange(ch, "GET /nope.xml HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 404 ")
                .contains("content-length: 0");
        assertThat(ch.isActive()).isTrue();
    }

    @Test
    void overLongRequestLineIs414AndCloses() {
        EmbeddedChannel ch = channel();
        String res = exchange(ch, "GET /" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(res).startsWith("HTTP/1.1 414 ").contains("connection: close");
        assertThat(ch.isActive()).isFalse();
        assertThat(fake.requests).isEmpty();
    }

    @Test
    void overLongHeadersAre431AndClose() {
        EmbeddedChannel ch = channel();
        String res = exchange(ch, "GET /x HTTP/1.1\r\nHost: x\r\nX-Junk: " + "b".repeat(9000) + "\r\n\r\n");
        assertThat(res).startsWith("HTTP/1.1 431 ");
        assertThat(ch.isActive()).isFalse();
    }

    @Test
    void garbageIs400() {
        EmbeddedChannel ch = channel();
        String res = exchange(ch, "GET /x HTTP/1.1\r\nHost: x\r\nbad header line\r\n\r\n");
        assertThat(res).startsWith("HTTP/1.1 400 ");
        assertThat(ch.isActive()).isFalse();
    }

    @Test
    void pathsLeavingTheSiteAre400() {
        EmbeddedChannel ch = channel();
        for (String p : new String[] {"/../etc/passwd", "/a/%2e%2e/%2E%2E/etc/passwd", "/a\\..\\b", "//etc/passwd",
            "*", "/x%00.xml", "/a/.."}) {
            assertThat(exchange(ch, "GET " + p + " HTTP/1.1\r\nHost: x\r\n\r\n")).as(p).startsWith("HTTP/1.1 400 ");
        }
        assertThat(fake.requests).isEmpty();
        assertThat(ch.isActive()).isTrue();
    }

    @Test
    void absoluteFormIsReducedToThePath() {
        String res = exchange(channel(), "GET http://prov.example.com/spa000e08aabbcc.xml?mac=1 HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(res).startsWith("HTTP/1.1 200 ");
        assertThat(fake.requests.getFirst().path()).isEqualTo("/spa000e08aabbcc.xml?mac=1");
    }

    @Test
    void postGoesToTheReportSink() {
        EmbeddedChannel ch = channel();
        String res = exchange(ch, "POST /report/000e08aabbcc.xml HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
        assertThat(res).startsWith("HTTP/1.1 200 ");
        assertThat(fake.reports.get("/report/000e08aabbcc.xml")).asString().isEqualTo("hello");
    }

    @Test
    void otherMethodsAre405() {
        assertThat(exchange(channel(), "DELETE /x HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 405 ")
                .contains("allow: GET, HEAD, POST");
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() {
        String res = exchange(channel(), "GET /nope HTTP/1.1\r\nHost: x\r\n\r\nGET /firmware/spa2102-5.2.12.bin HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(res.indexOf("HTTP/1.1 404")).isZero();
        assertThat(res.indexOf("HTTP/1.1 200")).isPositive();
        assertThat(res).endsWith("0123456789abcdefghij");
    }

    @Test
    void http10WithoutKeepAliveCloses() {
        EmbeddedChannel ch = channel();
        String res = exchange(ch, "GET /spa000e08aabbcc.xml HTTP/1.0\r\n\r\n");
        assertThat(res).startsWith("HTTP/1.0 200 ").contains("connection: close");
        assertThat(ch.isActive()).isFalse();
        EmbeddedChannel ka = channel();
        assertThat(exchange(ka, "GET /spa000e08aabbcc.xml HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"))
                .contains("connection: keep-alive");
        assertThat(ka.isActive()).isTrue();
    }

    @Test
    void connectionCloseIsHonoured() {
        EmbeddedChannel ch = channel();
        assertThat(exchange(ch, "GET /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).contains("connection: close");
        assertThat(ch.isActive()).isFalse();
    }

    @Test
    void aFailingServiceIs500() {
        ProvisionService broken = r -> {
            throw new IllegalStateException("boom");
        };
        assertThat(exchange(channel(broken, HttpBackend.INLINE), "GET /x HTTP/1.1\r\nHost: x\r\n\r\n"))
                .startsWith("HTTP/1.1 500 ");
    }

    @Test
    void aFullServiceQueueIs503() {
        Executor full = task -> {
            throw new RejectedExecutionException("full");
        };
        assertThat(exchange(channel(fake, full), "GET /x HTTP/1.1\r\nHost: x\r\n\r\n"))
                .startsWith("HTTP/1.1 503 ");
    }

    @Test
    void oversizedReportIs413() {
        EmbeddedChannel ch = channel();
        String res = exchange(ch, "POST /report HTTP/1.1\r\nHost: x\r\nContent-Length: " + (2 << 20) + "\r\n\r\n");
        assertThat(res).startsWith("HTTP/1.1 413 ");
        assertThat(fake.reports).isEmpty();
    }

    @Test
    void largeBodiesComeFromTheDirectCopyAndStayCorrect() {
        byte[] big = new byte[40_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) ('a' + i % 26);
        }
        fake.put("/firmware/big.bin", big);
        EmbeddedChannel ch = channel();
        for (int round = 0; round < 3; round++) {
            String res = exchange(ch, "GET /firmware/big.bin HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(res).contains("content-length: 40000").endsWith(new String(big, StandardCharsets.ISO_8859_1));
        }
        String part = exchange(ch, "GET /firmware/big.bin HTTP/1.1\r\nHost: x\r\nRange: bytes=26-51\r\n\r\n");
        assertThat(part).endsWith("abcdefghijklmnopqrstuvwxyz");
        big[0] = 'Z';
        fake.put("/firmware/other.bin", big.clone());
        assertThat(exchange(ch, "GET /firmware/other.bin HTTP/1.1\r\nHost: x\r\nRange: bytes=0-1\r\n\r\n"))
                .endsWith("Zb");
    }

    @Test
    void aRequestHeadTricklingInIsClosedAtTheHeadDeadline() {
        EmbeddedChannel ch = channel();
        // Each byte restarts the idle timer; the head deadline counts from the connection's start.
        for (int i = 0; i < 9; i++) {
            ch.writeInbound(Unpooled.copiedBuffer(i == 0 ? "GET /spa000e08aabbcc.xml HTTP/1.1\r\n" : "X",
                    StandardCharsets.ISO_8859_1));
            ch.advanceTimeBy(1, java.util.concurrent.TimeUnit.SECONDS);
            ch.runScheduledPendingTasks();
            assertThat(ch.isActive()).as("after %d s", i + 1).isTrue();
        }
        ch.advanceTimeBy(1, java.util.concurrent.TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isActive()).isFalse();
        assertThat(fake.requests).isEmpty();
    }

    @Test
    void anIdleKeepAliveConnectionIsNotSubjectToTheHeadDeadlineUntilItsNextRequestStarts() {
        EmbeddedChannel ch = channel();
        assertThat(exchange(ch, "GET /spa000e08aabbcc.xml HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 200 ");
        ch.advanceTimeBy(30, java.util.concurrent.TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isActive()).isTrue();
        ch.writeInbound(Unpooled.copiedBuffer("GET /spa000e08aabbcc.xml HTTP/1.1\r\n", StandardCharsets.ISO_8859_1));
        ch.advanceTimeBy(10, java.util.concurrent.TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isActive()).isFalse();
    }

    @Test
    void anOutOfMemoryErrorInTheServiceHaltsTheProcess() throws Exception {
        java.util.concurrent.CompletableFuture<Integer> halted = new java.util.concurrent.CompletableFuture<>();
        org.spaprov.server.runtime.FatalErrors.onFatal(halted::complete);
        try {
            ProvisionService oom = r -> {
                throw new OutOfMemoryError("Java heap space");
            };
            exchange(channel(oom, HttpBackend.INLINE), "GET /x HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(halted.get(30, java.util.concurrent.TimeUnit.SECONDS))
                    .isEqualTo(org.spaprov.server.runtime.FatalErrors.EXIT_STATUS);
        } finally {
            org.spaprov.server.runtime.FatalErrors.onFatal(null);
        }
    }
}
