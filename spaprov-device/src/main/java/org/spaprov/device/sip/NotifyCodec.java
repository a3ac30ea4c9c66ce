package org.spaprov.device.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The little of SIP that the fleet's {@link NotifyRouter} needs: reading a request's method,
 * Request-URI user and the headers an answer copies ({@code Via}, {@code From}, {@code To},
 * {@code Call-ID}, {@code CSeq}) plus {@code Event} and {@code Authorization}; writing a bodiless
 * response. Bounded ({@value #MAX_DATAGRAM} bytes, {@value #MAX_HEADERS} header lines, compact header
 * names understood), and it never throws: anything it cannot read is empty. Pure and thread-safe.
 */
public final class NotifyCodec {
    /** The largest datagram read. */
    public static final int MAX_DATAGRAM = 8192;
    /** The most header lines read. */
    public static final int MAX_HEADERS = 64;

    /**
     * A request as far as a NOTIFY responder cares.
     *
     * @param method        e.g. {@code NOTIFY}
     * @param user          the Request-URI user part ({@code sip:USER@host}), "" when none
     * @param vias          every {@code Via} value, in order
     * @param event         the {@code Event} value, null when absent
     * @param authorization the {@code Authorization} value, null when absent
     */
    public record Request(String method, String user, List<String> vias, String from, String to, String callId,
            String cseq, String event, String authorization) {
    }

    private NotifyCodec() {
    }

    /** Reads a request; empty for a response, a truncated or malformed message, or a missing mandatory header. */
    public static Optional<Request> parse(byte[] data, int length) {
        try {
            if (data == null || length <= 0 || length > MAX_DATAGRAM || length > data.length) {
                return Optional.empty();
            }
            String text = new String(data, 0, length, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end >= 0 ? text.substring(0, end) : text;
            String[] lines = head.split("\r?\n", MAX_HEADERS + 2);
            if (lines.length > MAX_HEADERS + 1) {
                return Optional.empty();
            }
            String[] start = lines[0].split(" ");
            if (start.length != 3 || !start[2].equals("SIP/2.0") || !start[0].matches("[A-Z]{1,16}")) {
                return Optional.empty();
            }
            List<String> vias = new ArrayList<>();
            String from = null;
            String to = null;
            String callId = null;
            String cseq = null;
            String event = null;
            String auth = null;
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i];
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String value = line.substring(colon + 1).strip();
                switch (line.substring(0, colon).strip().toLowerCase(Locale.ROOT)) {
                    case "via", "v" -> vias.add(value);
                    case "from", "f" -> from = value;
                    case "to", "t" -> to = value;
                    case "call-id", "i" -> callId = value;
                    case "cseq" -> cseq = value;
                    case "event", "o" -> event = value;
                    case "authorization" -> auth = value;
                    default -> {
                        // not needed to answer a NOTIFY
                    }
                }
            }
            if (vias.isEmpty() || from == null || to == null || callId == null || cseq == null) {
                return Optional.empty();
            }
            return Optional.of(new Request(start[0], user(start[1]), List.copyOf(vias), from, to, callId, cseq, event,
                    auth));
        } catch (RuntimeException e) {
            // bounded input of any shape: unreadable is simply empty
            return Optional.empty();
        }
    }

    /** The user of {@code sip:user@host;params}, "" when there is none. */
    static String user(String uri) {
        String u = uri.regionMatches(true, 0, "sip:", 0, 4) ? uri.substring(4) : uri;
        int at = u.indexOf('@');
        return at < 0 ? "" : u.substring(0, at);
    }

    /**
     * A response to {@code r}: its Vias, From, To (with {@code toTag} added when it has none), Call-ID and
     * CSeq, then {@code extra} header lines ({@code Name: value}), no body.
     */
    public static byte[] response(Request r, int status, String reason, String toTag, List<String> extra) {
        StringBuilder b = new StringBuilder(512).append("SIP/2.0 ").append(status).append(' ').append(reason).append("\r\n");
        for (String v : r.vias()) {
            b.append("Via: ").append(v).append("\r\n");
        }
        b.append("From: ").append(r.from()).append("\r\n");
        b.append("To: ").append(r.to()).append(r.to().contains(";tag=") ? "" : ";tag=" + toTag).append("\r\n");
        b.append("Call-ID: ").append(r.callId()).append("\r\n");
        b.append("CSeq: ").append(r.cseq()).append("\r\n");
        for (String h : extra) {
            b.append(h).append("\r\n");
        }
        b.append("Content-Length: 0\r\n\r\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
