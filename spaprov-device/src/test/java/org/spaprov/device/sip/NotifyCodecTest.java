package org.spaprov.device.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The fleet's NOTIFY codec: what it reads, what it writes, and that no input makes it throw. */
class NotifyCodecTest {
    private static final String NOTIFY = "NOTIFY sip:000e08aabb01@127.0.0.1:5060 SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-1\r\n"
            + "v: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-0\r\n"
            + "f: <sip:spaprov@127.0.0.1:5070>;tag=abc\r\n"
            + "To: <sip:000e08aabb01@127.0.0.1:5060>\r\n"
            + "i: call-1@host\r\n"
            + "CSeq: 2 NOTIFY\r\n"
            + "o: resync\r\n"
            + "Authorization: Digest username=\"u\", response=\"x\"\r\n"
            + "Content-Length: 0\r\n\r\n";

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsWhatANotifyAnswerNeedsIncludingCompactHeaders() {
        byte[] b = bytes(NOTIFY);
        NotifyCodec.Request r = NotifyCodec.parse(b, b.length).orElseThrow();
        assertThat(r.method()).isEqualTo("NOTIFY");
        assertThat(r.user()).isEqualTo("000e08aabb01");
        assertThat(r.vias()).containsExactly("SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-1",
                "SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-0");
        assertThat(r.from()).isEqualTo("<sip:spaprov@127.0.0.1:5070>;tag=abc");
        assertThat(r.callId()).isEqualTo("call-1@host");
        assertThat(r.cseq()).isEqualTo("2 NOTIFY");
        assertThat(r.event()).isEqualTo("resync");
        assertThat(r.authorization()).startsWith("Digest username=\"u\"");
    }

    @Test
    void theAnswerCopiesViasInOrderAndTagsTheTo() {
        byte[] b = bytes(NOTIFY);
        NotifyCodec.Request r = NotifyCodec.parse(b, b.length).orElseThrow();
        String answer = new String(NotifyCodec.response(r, 401, "Unauthorized", "t1",
                List.of("WWW-Authenticate: Digest realm=\"r\", nonce=\"n\"")), StandardCharsets.UTF_8);
        assertThat(answer).startsWith("SIP/2.0 401 Unauthorized\r\nVia: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-1\r\n"
                + "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-0\r\n");
        assertThat(answer).contains("To: <sip:000e08aabb01@127.0.0.1:5060>;tag=t1\r\n", "CSeq: 2 NOTIFY\r\n",
                "WWW-Authenticate: Digest realm=\"r\", nonce=\"n\"\r\n").endsWith("Content-Length: 0\r\n\r\n");
    }

    @Test
    void responsesTruncatedMessagesAndMissingHeadersAreNotRequests() {
        for (String s : List.of("SIP/2.0 200 OK\r\nVia: x\r\nFrom: a\r\nTo: b\r\nCall-ID: c\r\nCSeq: 1 NOTIFY\r\n\r\n",
                NOTIFY.replace("i: call-1@host\r\n", ""), "NOTIFY sip:x@y SIP/2.0", "", "notify sip:a@b SIP/2.0\r\n")) {
            byte[] b = bytes(s);
            assertThat(NotifyCodec.parse(b, b.length)).as(s).isEmpty();
        }
        assertThat(NotifyCodec.parse(new byte[NotifyCodec.MAX_DATAGRAM + 1], NotifyCodec.MAX_DATAGRAM + 1)).isEmpty();
        assertThat(NotifyCodec.parse(null, 0)).isEmpty();
        String many = NOTIFY.replace("Content-Length", "X: y\r\n".repeat(NotifyCodec.MAX_HEADERS) + "Content-Length");
        assertThat(NotifyCodec.parse(bytes(many), bytes(many).length)).isEmpty();
    }

    @Property(tries = 500)
    void neverThrows(@ForAll byte[] data) {
        assertThat(NotifyCodec.parse(data, data.length)).isNotNull();
    }

    @Property(tries = 300)
    void neverThrowsOnMangledNotifies(@ForAll int cut) {
        byte[] b = bytes(NOTIFY);
        int n = Math.floorMod(cut, b.length + 1);
        assertThat(NotifyCodec.parse(b, n)).isNotNull();
    }
}
