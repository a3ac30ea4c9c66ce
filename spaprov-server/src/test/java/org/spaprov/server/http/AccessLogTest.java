package org.spaprov.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.spaprov.server.net.FakeProvisioning;
import org.spaprov.tftp.TftpTransferEvent;

/** One fail2ban-friendly line per answered request, on its own logger. */
class AccessLogTest {
    /** ADDRESS DEVICE PROTOCOL METHOD FILE STATUS BYTES MSms, every field one token. */
    static final String SHAPE = "\\S+ \\S+ (http|https|tftp) \\S+ \\S+ \\d{3} \\d+ \\d+ms";
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER);
    private final FakeProvisioning fake = new FakeProvisioning().put("/spa000e08aabbcc.xml", "<flat-profile/>");

    @BeforeEach
    void attach() {
        lines.start();
        logger.addAppender(lines);
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(lines);
    }

    private List<String> messages() {
        return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void everyHttpAnswerIsOneLine() {
        EmbeddedChannel ch = new EmbeddedChannel();
        new HttpServerInitializer(new HttpBackend(fake, fake, HttpBackend.INLINE, Clock.systemUTC(),
                HttpLimits.defaults()), Optional.empty()).addHttp(ch.pipeline());
        ch.writeInbound(Unpooled.copiedBuffer("GET /spa000e08aabbcc.xml HTTP/1.1\r\nHost: x\r\n\r\n"
                + "HEAD /nope.xml HTTP/1.1\r\nHost: x\r\n\r\nGET /a/../b%20c\"d HTTP/1.1\r\nHost: x\r\n\r\n",
                StandardCharsets.ISO_8859_1));
        ByteBuf b;
        while ((b = ch.readOutbound()) != null) {
            b.release();
        }
        assertThat(messages()).hasSize(3);
        assertThat(messages().get(0)).startsWith("127.0.0.1 - http GET /spa000e08aabbcc.xml 200 15 ");
        assertThat(messages()).allMatch(l -> l.matches(SHAPE));
        assertThat(messages().get(1)).startsWith("127.0.0.1 - http HEAD /nope.xml 404 0 ");
        assertThat(messages().get(2)).startsWith("127.0.0.1 - http GET /a/../b%20c%22d 400 ");
    }

    @Test
    void tftpTransfersAreLinesToo() {
        AccessLog.tftp(new TftpTransferEvent(new InetSocketAddress("192.0.2.7", 1234),
                TftpTransferEvent.Direction.READ, "spa 000e08aabbcc.cfg", TftpTransferEvent.Outcome.TIMED_OUT, 1024,
                Instant.EPOCH, Duration.ofMillis(5000), "timeout", null), Optional.empty(), 408);
        assertThat(messages()).containsExactly("192.0.2.7 - tftp RRQ spa%20000e08aabbcc.cfg 408 1024 5000ms");
    }

    @Test
    void offMeansNothing() {
        logger.setLevel(ch.qos.logback.classic.Level.OFF);
        try {
            AccessLog.line(new InetSocketAddress("192.0.2.7", 1), Optional.of("000e08aabbcc"),
                    org.spaprov.server.provision.Protocol.HTTP, "GET", "/x", 200, 1, 1);
            assertThat(messages()).isEmpty();
        } finally {
            logger.setLevel(ch.qos.logback.classic.Level.INFO);
        }
    }
}
