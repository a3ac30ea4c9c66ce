package org.spaprov.device.policy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.spaprov.device.admin.AdminWebServer;
import org.spaprov.device.report.ReportUploader;
import org.spaprov.device.sip.FakeDevice;
import org.spaprov.device.sip.SipNotifyListener;

/** Every log line of the peripherals, at TRACE, is free of passwords, keys and digest responses. */
class NoSecretsInLogsTest {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger jain = (Logger) LoggerFactory.getLogger("org.spaprov.device.sip.jain");
    private final Logger messages = (Logger) LoggerFactory.getLogger("org.spaprov.device.sip.messages");
    private Level jainLevel;
    private Level messagesLevel;

    @BeforeEach
    void capture() {
        jainLevel = jain.getLevel();
        messagesLevel = messages.getLevel();
        jain.setLevel(Level.TRACE);
        messages.setLevel(Level.TRACE);
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void release() {
        root.detachAppender(appender);
        jain.setLevel(jainLevel);
        messages.setLevel(messagesLevel);
    }

    @Test
    void sipNotifyWithDigestLogsNoSecret() throws Exception {
        FakeDevice device = new FakeDevice("000e08aabbcc").set("Password_1_", "pw-Zebra-42");
        SipNotifyListener listener = SipNotifyListener.start(device, 0);
        String response;
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            s.setSoTimeout(10_000);
            String challenge = header(exchange(s, listener, 1, null), "WWW-Authenticate");
            String nonce = param(challenge, "nonce");
            String realm = param(challenge, "realm");
            String uri = "sip:spa@127.0.0.1:" + listener.port();
            response = md5(md5("1001:" + realm + ":pw-Zebra-42") + ":" + nonce + ":" + md5("NOTIFY:" + uri));
            String auth = "Digest username=\"1001\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                    + "\", response=\"" + response + "\"";
            assertThat(exchange(s, listener, 2, auth)).startsWith("SIP/2.0 200");
        } finally {
            listener.stop();
        }
        assertThat(device.nextCall()).isEqualTo("report");
        List<String> lines = lines();
        assertThat(lines).anyMatch(l -> l.contains("NOTIFY"));
        assertThat(lines).noneMatch(l -> l.contains("pw-Zebra-42") || l.contains(response));
    }

    @Test
    void adminBasicAuthAndReportKeyLogNoSecret() throws Exception {
        FakeDevice device = new FakeDevice("000e08aabbcc").set("Admin_Passwd", "adm-Quartz-7")
                .set("GPP_SA", "sa-Walnut-9");
        device.vars.put("SA", "sa-Walnut-9");
        try (AdminWebServer admin = AdminWebServer.start(device, 0)) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + admin.port() + "/admin/spacfg.xml"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "admin:adm-Quartz-7".getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).doesNotContain("adm-Quartz-7").doesNotContain("sa-Walnut-9");
        }
        device.set("Report_Rule", "[--key $SA] http://127.0.0.1:9/rep.xml.enc");
        ReportUploader.defaults().upload(device, Optional.empty(), "ua");
        List<String> lines = lines();
        assertThat(lines).anyMatch(l -> l.contains("spacfg.xml")).anyMatch(l -> l.contains("report"));
        assertThat(lines).noneMatch(l -> l.contains("adm-Quartz-7") || l.contains("sa-Walnut-9")
                || l.contains(Base64.getEncoder().encodeToString("admin:adm-Quartz-7".getBytes(StandardCharsets.UTF_8))));
    }

    private List<String> lines() {
        List<ILoggingEvent> snapshot;
        synchronized (appender) { // AppenderBase.doAppend holds this lock while JAIN-SIP threads log
            snapshot = new java.util.ArrayList<>(appender.list);
        }
        return snapshot.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage())).toList();
    }

    private static String exchange(DatagramSocket s, SipNotifyListener l, int cseq, String auth) throws Exception {
        int lp = s.getLocalPort();
        String msg = "NOTIFY sip:spa@127.0.0.1:" + l.port() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + lp + ";branch=z9hG4bKsecret" + cseq + "\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:p@127.0.0.1>;tag=a\r\nTo: <sip:spa@127.0.0.1>\r\n"
                + "Call-ID: secret-test@127.0.0.1\r\nCSeq: " + cseq + " NOTIFY\r\nEvent: report\r\n"
                + (auth == null ? "" : "Authorization: " + auth + "\r\n") + "Content-Length: 0\r\n\r\n";
        byte[] b = msg.getBytes(StandardCharsets.US_ASCII);
        s.send(new DatagramPacket(b, b.length, l.address()));
        DatagramPacket p = new DatagramPacket(new byte[4096], 4096);
        s.receive(p);
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII);
    }

    private static String header(String message, String name) {
        for (String line : message.split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).strip();
            }
        }
        throw new AssertionError(name + " missing in " + message);
    }

    private static String param(String header, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(header);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
