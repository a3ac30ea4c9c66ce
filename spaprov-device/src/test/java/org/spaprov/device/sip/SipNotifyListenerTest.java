package org.spaprov.device.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hand-built NOTIFYs over a plain DatagramSocket against the real JAIN-SIP listener. */
class SipNotifyListenerTest {
    // one listener for the class: stopping a JAIN-SIP stack takes a second
    private static final FakeDevice device = new FakeDevice("000e08aabbcc");
    private static SipNotifyListener listener;
    private DatagramSocket socket;

    @BeforeAll
    static void startListener() throws Exception {
        listener = SipNotifyListener.start(device, 0);
    }

    @AfterAll
    static void stopListener() {
        listener.stop();
    }

    @BeforeEach
    void start() throws Exception {
        device.reset();
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(10_000);
    }

    @AfterEach
    void stop() {
        socket.close();
    }

    @Test
    void challengesThenActsOnTheAuthenticatedRetry() throws Exception {
        Map<String, String> r1 = exchange(notify("resync", 1, null));
        assertThat(r1.get("status")).isEqualTo("401");
        assertThat(device.calls).isEmpty();
        String challenge = r1.get("www-authenticate");
        assertThat(challenge).startsWith("Digest ").contains("qop=\"auth\"").contains("algorithm=MD5");

        Map<String, String> r2 = exchange(notify("resync", 2, authorization(challenge, "1001", "s3cret", true)));
        assertThat(r2.get("status")).isEqualTo("200");
        assertThat(device.nextCall()).isEqualTo("resync - 127.0.0.1");
    }

    @Test
    void acceptsDigestWithoutQop() throws Exception {
        String challenge = exchange(notify("reboot_now", 1, null)).get("www-authenticate");
        Map<String, String> r = exchange(notify("reboot_now", 2, authorization(challenge, "1001", "s3cret", false)));
        assertThat(r.get("status")).isEqualTo("200");
        assertThat(device.nextCall()).isEqualTo("reboot");
    }

    @Test
    void usesAuthIdWhenSet() throws Exception {
        device.set("Auth_ID_1_", "auth-1001");
        String c1 = exchange(notify("restart_now", 1, null)).get("www-authenticate");
        assertThat(exchange(notify("restart_now", 2, authorization(c1, "1001", "s3cret", true))).get("status"))
                .isEqualTo("403");
        String c2 = exchange(notify("restart_now", 3, null)).get("www-authenticate");
        assertThat(exchange(notify("restart_now", 4, authorization(c2, "auth-1001", "s3cret", true))).get("status"))
                .isEqualTo("200");
        assertThat(device.nextCall()).isEqualTo("restart");
        assertThat(device.calls).isEmpty();
    }

    @Test
    void wrongPasswordIsForbiddenAndNothingHappens() throws Exception {
        String challenge = exchange(notify("report", 1, null)).get("www-authenticate");
        Map<String, String> r = exchange(notify("report", 2, authorization(challenge, "1001", "guess", true)));
        assertThat(r.get("status")).isEqualTo("403");
        assertThat(device.calls).isEmpty();
    }

    @Test
    void aUsedNonceIsChallengedAgain() throws Exception {
        String challenge = exchange(notify("report", 1, null)).get("www-authenticate");
        String auth = authorization(challenge, "1001", "s3cret", true);
        assertThat(exchange(notify("report", 2, auth)).get("status")).isEqualTo("200");
        Map<String, String> replay = exchange(notify("report", 3, auth));
        assertThat(replay.get("status")).isEqualTo("401");
        assertThat(replay.get("www-authenticate")).contains("stale=true");
        assertThat(device.nextCall()).isEqualTo("report");
        assertThat(device.calls).isEmpty();
    }

    @Test
    void unknownEventIsBadEvent() throws Exception {
        Map<String, String> r = exchange(notify("presence", 1, null));
        assertThat(r.get("status")).isEqualTo("489");
        assertThat(r.get("allow-events")).contains("resync");
        assertThat(device.calls).isEmpty();
    }

    @Test
    void resyncFromSipNoIsForbidden() throws Exception {
        device.set("Resync_From_SIP", "No");
        assertThat(exchange(notify("check-sync", 1, null)).get("status")).isEqualTo("403");
        assertThat(device.calls).isEmpty();
    }

    @Test
    void noAuthNeededWhenSwitchedOff() throws Exception {
        device.set("Auth_Resync-Reboot_1_", "No");
        assertThat(exchange(notify("check-sync", 1, null)).get("status")).isEqualTo("200");
        assertThat(device.nextCall()).isEqualTo("resync - 127.0.0.1");
    }

    @Test
    void otherMethodsAreNotAllowed() throws Exception {
        String invite = notify("resync", 1, null).replace("NOTIFY", "MESSAGE");
        assertThat(exchange(invite).get("status")).isEqualTo("405");
    }

    @Test
    void garbageIsIgnoredAndTheEndpointKeepsAnswering() throws Exception {
        for (String junk : new String[] {"", "\u0000\u0001\u0002", "NOTIFY\r\n\r\n",
            "NOTIFY sip:x SIP/2.0\r\nVia: broken\r\nCSeq: x\r\n\r\n", "SIP/2.0 200 OK\r\n\r\n"}) {
            byte[] b = junk.getBytes(StandardCharsets.ISO_8859_1);
            socket.send(new DatagramPacket(b, b.length, listener.address()));
        }
        byte[] big = new byte[60_000];
        java.util.Arrays.fill(big, (byte) 'A');
        socket.send(new DatagramPacket(big, big.length, listener.address()));
        device.set("Auth_Resync-Reboot_1_", "No");
        assertThat(exchange(notify("reboot_now", 1, null)).get("status")).isEqualTo("200");
        assertThat(device.nextCall()).isEqualTo("reboot");
    }

    @Test
    void stopEndsEveryThreadTheStackStarted() throws Exception {
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        SipNotifyListener other = SipNotifyListener.start(new FakeDevice("000e08000002"), 0);
        java.util.Set<Thread> started = new java.util.HashSet<>(Thread.getAllStackTraces().keySet());
        started.removeAll(before);
        assertThat(started).anyMatch(t -> !t.isDaemon());
        other.stop();
        for (Thread t : started) {
            t.join(10_000);
            assertThat(t.isAlive() && !t.isDaemon()).as("thread %s still running", t.getName()).isFalse();
        }
    }

    @Test
    void stopReleasesThePort() throws Exception {
        SipNotifyListener other = SipNotifyListener.start(new FakeDevice("000e08000001"), 0);
        int port = other.port();
        assertThat(port).isNotEqualTo(listener.port());
        other.stop();
        other.stop();
        try (DatagramSocket again = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    // ----------------------------------------------------------------------------- helpers

    private String notify(String event, int cseq, String authorization) {
        int lp = socket.getLocalPort();
        int rp = listener.port();
        return "NOTIFY sip:spa@127.0.0.1:" + rp + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + lp + ";branch=z9hG4bK" + UUID.randomUUID() + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:prov@127.0.0.1:" + lp + ">;tag=t" + lp + "\r\n"
                + "To: <sip:spa@127.0.0.1:" + rp + ">\r\n"
                + "Call-ID: call-" + lp + "@127.0.0.1\r\n"
                + "CSeq: " + cseq + " NOTIFY\r\n"
                + "Event: " + event + "\r\n"
                + "Subscription-State: terminated\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Content-Length: 0\r\n\r\n";
    }

    /** Sends one request and returns the first final response: status plus lower-case headers. */
    private Map<String, String> exchange(String message) throws Exception {
        byte[] b = message.getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(b, b.length, listener.address()));
        while (true) {
            DatagramPacket p = new DatagramPacket(new byte[8192], 8192);
            socket.receive(p);
            String text = new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII);
            Map<String, String> r = new java.util.HashMap<>();
            String[] lines = text.split("\r\n");
            String status = lines[0].split(" ")[1];
            if (status.startsWith("1")) {
                continue;
            }
            r.put("status", status);
            for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
                int c = lines[i].indexOf(':');
                r.merge(lines[i].substring(0, c).strip().toLowerCase(), lines[i].substring(c + 1).strip(),
                        (a, x) -> a + ", " + x);
            }
            return r;
        }
    }

    private String authorization(String challenge, String user, String password, boolean qop) throws Exception {
        String realm = param(challenge, "realm");
        String nonce = param(challenge, "nonce");
        String uri = "sip:spa@127.0.0.1:" + listener.port();
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5("NOTIFY:" + uri);
        if (!qop) {
            return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\""
                    + uri + "\", response=\"" + md5(ha1 + ":" + nonce + ":" + ha2) + "\", algorithm=MD5";
        }
        String cnonce = "0a4f113b";
        String response = md5(ha1 + ":" + nonce + ":00000001:" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\""
                + uri + "\", response=\"" + response + "\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\""
                + cnonce + "\"";
    }

    private static String param(String header, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(header);
        assertThat(m.find()).as("%s in %s", name, header).isTrue();
        return m.group(1);
    }

    private static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
