package org.spaprov.device.sip;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.spaprov.device.engine.VirtualScheduler;
import org.spaprov.device.sip.LineStatus.State;

/** Registering logs, even with SIP message tracing on, neither the line password nor the digest response. */
class RegistrationLogsNoSecretTest {
    @Test
    void registeringLogsNoSecret() throws Exception {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger messages = (Logger) LoggerFactory.getLogger("org.spaprov.device.sip.messages");
        Logger jain = (Logger) LoggerFactory.getLogger("org.spaprov.device.sip.jain");
        Level before = messages.getLevel();
        Level jainBefore = jain.getLevel();
        messages.setLevel(Level.TRACE);
        jain.setLevel(Level.TRACE);
        appender.start();
        root.addAppender(appender);
        BlockingQueue<LineStatus> changes = new LinkedBlockingQueue<>();
        VirtualScheduler clock = new VirtualScheduler();
        String response;
        try (DatagramSocket registrar = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            registrar.setSoTimeout(10_000);
            Map<String, String> params = Map.of("Line_Enable_1_", "Yes", "Register_1_", "Yes", "User_ID_1_", "1001",
                    "Password_1_", "pw-Zebra-42", "Proxy_1_", "127.0.0.1:" + registrar.getLocalPort(),
                    "Register_Expires_1_", "3600");
            try (LineRegistrar reg = LineRegistrar.start("000e08aabbcc", n -> params.getOrDefault(n, ""), clock,
                    InetAddress.getLoopbackAddress(), changes::add)) {
                clock.runDue();
                DatagramPacket first = receive(registrar, "CSeq: 1 REGISTER");
                answer(registrar, first, "401 Unauthorized",
                        "WWW-Authenticate: Digest realm=\"r\", nonce=\"n1\", algorithm=MD5\r\n");
                DatagramPacket second = receive(registrar, "CSeq: 2 REGISTER");
                Matcher m = Pattern.compile("response=\"([0-9a-f]{32})\"").matcher(text(second));
                assertThat(m.find()).as(text(second)).isTrue();
                response = m.group(1);
                answer(registrar, second, "200 OK", "Expires: 3600\r\n");
                LineStatus s;
                do {
                    s = changes.poll(10, TimeUnit.SECONDS);
                    assertThat(s).as("registered").isNotNull();
                } while (s.state() != State.REGISTERED);
            }
        } finally {
            root.detachAppender(appender);
            messages.setLevel(before);
            jain.setLevel(jainBefore);
        }
        List<String> lines;
        synchronized (appender) {
            lines = new ArrayList<>(appender.list).stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
        assertThat(lines).anyMatch(l -> l.contains("registered at 127.0.0.1"))
                .as("the REGISTER with credentials was traced").anyMatch(l -> l.contains("Authorization: Digest"));
        assertThat(lines).noneMatch(l -> l.contains("pw-Zebra-42") || l.contains(response));
    }

    /** The next REGISTER carrying {@code cseq} (earlier ones are retransmissions). */
    private static DatagramPacket receive(DatagramSocket s, String cseq) throws Exception {
        while (true) {
            DatagramPacket p = new DatagramPacket(new byte[4096], 4096);
            s.receive(p);
            if (text(p).contains(cseq)) {
                return p;
            }
        }
    }

    private static void answer(DatagramSocket s, DatagramPacket request, String status, String extra) throws Exception {
        StringBuilder b = new StringBuilder("SIP/2.0 ").append(status).append("\r\n");
        for (String line : text(request).split("\r\n")) {
            if (line.matches("(?i)(Via|From|To|Call-ID|CSeq):.*")) {
                b.append(line).append(line.startsWith("To:") ? ";tag=reg" : "").append("\r\n");
            }
        }
        byte[] out = b.append(extra).append("Content-Length: 0\r\n\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        s.send(new DatagramPacket(out, out.length, request.getSocketAddress()));
    }

    private static String text(DatagramPacket p) {
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII);
    }
}
