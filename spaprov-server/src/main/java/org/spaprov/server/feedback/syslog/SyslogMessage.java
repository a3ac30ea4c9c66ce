package org.spaprov.server.feedback.syslog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One syslog datagram as the receiver understood it, RFC 5424 or RFC 3164 (BSD). Immutable.
 *
 * <p>{@link #decode} is the codec: bytes → message. It never throws; what it cannot read as either format
 * (no {@code <PRI>}) is kept whole as the text, with severity {@code notice}. The text is at most
 * {@value #MAX_BYTES} bytes (longer datagrams are cut, {@link #truncated()}), control characters become spaces.
 *
 * @param receivedAt when it arrived (the receiver's clock: device clocks are often wrong)
 * @param address    the sender's IP address
 * @param facility   0..23
 * @param severity   0 (emerg) .. 7 (debug)
 * @param hostname   the HOSTNAME field, when the line has one
 * @param app        RFC 3164 TAG (without {@code [pid]}) or RFC 5424 APP-NAME, when present
 * @param text       the message
 * @param truncated  the datagram was longer than {@value #MAX_BYTES} bytes
 */
public record SyslogMessage(Instant receivedAt, String address, int facility, int severity, Optional<String> hostname,
        Optional<String> app, String text, boolean truncated) {
    /** Longest datagram read whole, in bytes (RFC 5424 §6.1 asks receivers for at least 480, SHOULD 2048). */
    public static final int MAX_BYTES = 2048;

    private static final Pattern PRI = Pattern.compile("<([0-9]{1,3})>(.*)", Pattern.DOTALL);
    /** {@code 1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID SD [MSG]}. */
    private static final Pattern RFC5424 = Pattern.compile(
            "1 (\\S+) (\\S+) (\\S+) (\\S+) (\\S+) (-|(?:\\[(?:[^\\]\\\\]|\\\\.)*\\])+)(?: (.*))?", Pattern.DOTALL);
    /** {@code Mmm dd hh:mm:ss HOSTNAME TAG[pid]: MSG} (the TAG part optional). */
    private static final Pattern RFC3164 = Pattern.compile(
            "([A-Z][a-z]{2} [ 0-9][0-9] [0-9]{2}:[0-9]{2}:[0-9]{2}) (\\S+) (?:([^\\s:\\[]{1,48})(?:\\[[^\\]]*\\])?: ?)?(.*)",
            Pattern.DOTALL);

    public SyslogMessage {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(text, "text");
    }

    /** Reads one datagram; never throws. */
    public static SyslogMessage decode(byte[] datagram, int length, String address, Instant receivedAt) {
        int n = Math.max(0, Math.min(length, datagram.length));
        boolean cut = n > MAX_BYTES;
        String line = new String(datagram, 0, Math.min(n, MAX_BYTES), StandardCharsets.UTF_8);
        line = line.replaceAll("[\\x00-\\x1f\\x7f]", " ").strip();
        Matcher pri = PRI.matcher(line);
        if (!pri.matches() || Integer.parseInt(pri.group(1)) > 191) {
            return new SyslogMessage(receivedAt, address, 1, 5, Optional.empty(), Optional.empty(), line, cut);
        }
        int p = Integer.parseInt(pri.group(1));
        String rest = pri.group(2);
        Matcher m = RFC5424.matcher(rest);
        if (m.matches()) {
            String msg = m.group(7) == null ? "" : m.group(7);
            if (msg.startsWith("\uFEFF")) {
                msg = msg.substring(1);
            }
            return new SyslogMessage(receivedAt, address, p / 8, p % 8, nil(m.group(2)), nil(m.group(3)), msg.strip(),
                    cut);
        }
        m = RFC3164.matcher(rest);
        if (m.matches()) {
            return new SyslogMessage(receivedAt, address, p / 8, p % 8, nil(m.group(2)),
                    Optional.ofNullable(m.group(3)), m.group(4).strip(), cut);
        }
        return new SyslogMessage(receivedAt, address, p / 8, p % 8, Optional.empty(), Optional.empty(), rest.strip(),
                cut);
    }

    /** The line as kept in the device log: {@code <host> <app>: <text>}. */
    public String shown() {
        return hostname.map(h -> h + " ").orElse("") + app.map(a -> a + ": ").orElse("") + text;
    }

    private static Optional<String> nil(String field) {
        return field == null || field.equals("-") ? Optional.empty() : Optional.of(field);
    }
}
