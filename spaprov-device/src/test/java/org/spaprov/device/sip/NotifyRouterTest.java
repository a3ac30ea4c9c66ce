package org.spaprov.device.sip;

import org.spaprov.sip.DigestClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fleet's one-socket NOTIFY responder: routing by Request-URI user, the digest challenge, retransmissions. */
class NotifyRouterTest {
    private final FakeDevice a = new FakeDevice("000e08aabb01");
    private final FakeDevice b = new FakeDevice("000e08aabb02").set("User_ID_1_", "1002").set("Password_1_", "other");
    private NotifyRouter router;
    private DatagramSocket client;

    @BeforeEach
    void start() throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        router = NotifyRouter.start(List.of(a, b), lo, 0, Clock.systemUTC());
        client = new DatagramSocket(new InetSocketAddress(lo, 0));
        client.setSoTimeout(10_000); // a bound on waiting for the answer, not an expectation of speed
    }

    @AfterEach
    void stop() {
        client.close();
        router.close();
    }

    private byte[] request(String method, String user, int cseq, String event, String authorization) {
        int port = router.address().getPort();
        String m = method + " sip:" + user + "@127.0.0.1:" + port + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + client.getLocalPort() + ";branch=z9hG4bK-" + cseq + "\r\n"
                + "From: <sip:spaprov@127.0.0.1>;tag=f1\r\nTo: <sip:" + user + "@127.0.0.1>\r\n"
                + "Call-ID: call-" + user + "@test\r\nCSeq: " + cseq + " " + method + "\r\nMax-Forwards: 70\r\n"
                + (event == null ? "" : "Event: " + event + "\r\n")
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Content-Length: 0\r\n\r\n";
        return m.getBytes(StandardCharsets.UTF_8);
    }

    private String exchange(byte[] request) throws Exception {
        client.send(new DatagramPacket(request, request.length, router.address()));
        DatagramPacket p = new DatagramPacket(new byte[8192], 8192);
        client.receive(p);
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
    }

    @Test
    void aNotifyIsChallengedWithTheDevicesLineCredentialsThenActedOn() throws Exception {
        byte[] first = request("NOTIFY", "1001", 1, "resync", null);
        String challenge = exchange(first);
        assertThat(challenge).startsWith("SIP/2.0 401 Unauthorized\r\n").contains("realm=\"spa-000e08aabb01\"");
        assertThat(exchange(first)).as("a retransmission gets the same answer, nonce included").isEqualTo(challenge);
        Matcher www = Pattern.compile("WWW-Authenticate: (.*)\r\n").matcher(challenge);
        assertThat(www.find()).isTrue();
        String uri = "sip:1001@127.0.0.1:" + router.address().getPort();
        String auth = DigestClient.authorization(www.group(1), "NOTIFY", uri, "1001", "s3cret", "c1", 1).orElseThrow();
        assertThat(exchange(request("NOTIFY", "1001", 2, "resync", auth))).startsWith("SIP/2.0 200 OK\r\n");
        assertThat(a.nextCall()).isEqualTo("resync - 127.0.0.1");
        assertThat(b.calls).isEmpty();
    }

    @Test
    void devicesAreFoundByLineUserOrMacAndOthersAre404() throws Exception {
        assertThat(exchange(request("NOTIFY", "1002", 1, "reboot_now", null))).contains("realm=\"spa-000e08aabb02\"");
        assertThat(exchange(request("NOTIFY", "000e08aabb02", 1, "report", null))).contains("realm=\"spa-000e08aabb02\"");
        assertThat(exchange(request("NOTIFY", "9999", 1, "resync", null))).startsWith("SIP/2.0 404 Not Found\r\n");
    }

    @Test
    void optionsOtherMethodsAndUnknownEvents() throws Exception {
        assertThat(exchange(request("OPTIONS", "1001", 1, null, null))).startsWith("SIP/2.0 200 OK\r\n");
        assertThat(exchange(request("SUBSCRIBE", "1001", 1, "resync", null)))
                .startsWith("SIP/2.0 405 Method Not Allowed\r\n").contains("Allow: NOTIFY, OPTIONS\r\n");
        assertThat(exchange(request("NOTIFY", "1001", 1, "presence", null)))
                .startsWith("SIP/2.0 489 Bad Event\r\n").contains("Allow-Events: resync");
    }
}
