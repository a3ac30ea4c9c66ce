package org.spaprov.device.syslog;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends RFC 3164 (BSD syslog) lines by UDP (SPEC §12, §15.21):
 * <pre>
 *   &lt;PRI&gt;Mmm dd hh:mm:ss HOSTNAME TAG: MESSAGE
 *   PRI = facility local0 (16) * 8 + severity (notice 5, err 3)
 * </pre>
 * Targets are {@code host[:port]} strings ({@code [v6]:port} for IPv6; default port 514), resolved
 * on every send. A line is at most {@value #MAX_LINE} bytes; control characters in the message become
 * spaces. Sending never blocks or throws towards the caller: lines are handed, in order, to a
 * virtual thread, and delivery problems are logged at debug level without the message.
 *
 * <p>Thread-safe. All senders share one unbound UDP socket, so a fleet of devices needs no socket
 * per device; one sender may also serve a whole fleet (lines keep their order).
 */
public final class SyslogSender {
    private static final Logger LOG = LoggerFactory.getLogger(SyslogSender.class);
    /** Longest line sent, in bytes (RFC 3164 §4.1). */
    public static final int MAX_LINE = 1024;
    /** The default syslog port. */
    public static final int DEFAULT_PORT = 514;
    /** Facility local0. */
    public static final int FACILITY_LOCAL0 = 16;
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};
    private static volatile DatagramSocket shared;

    /** The severities the device uses. */
    public enum Severity {
        ERR(3), NOTICE(5);

        private final int code;

        Severity(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    private final Clock clock;
    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    /** @param clock time source for the timestamps (its zone is the device's local time) */
    public SyslogSender(Clock clock) {
        this.clock = clock;
    }

    /**
     * Queues one line to every distinct non-blank target in {@code targets}; returns at once.
     *
     * @param hostname the HOSTNAME field (spaces replaced)
     * @param tag the TAG field, e.g. {@code SPA2102}
     */
    public void send(Severity severity, String hostname, String tag, String message, List<String> targets) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String t : targets) {
            if (t != null && !t.isBlank()) {
                distinct.add(t.strip());
            }
        }
        if (distinct.isEmpty()) {
            return;
        }
        String line = format(FACILITY_LOCAL0 * 8 + severity.code(), ZonedDateTime.now(clock), hostname, tag, message);
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        pending.add(() -> distinct.forEach(t -> deliver(bytes, t)));
        drain();
    }

    /** One RFC 3164 line (without trailing newline), truncated to {@value #MAX_LINE} bytes. */
    static String format(int pri, ZonedDateTime time, String hostname, String tag, String message) {
        String ts = String.format("%s %2d %02d:%02d:%02d", MONTHS[time.getMonthValue() - 1], time.getDayOfMonth(),
                time.getHour(), time.getMinute(), time.getSecond());
        String host = hostname == null || hostname.isBlank() ? "-" : hostname.strip().replaceAll("\\s+", "_");
        String line = "<" + pri + ">" + ts + " " + host + " " + tag + ": " + message.replaceAll("[\\p{Cntrl}]", " ");
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        if (b.length <= MAX_LINE) {
            return line;
        }
        // cut on a character boundary
        int end = MAX_LINE;
        while (end > 0 && (b[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(b, 0, end, StandardCharsets.UTF_8);
    }

    /** {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port} (a bare v6 literal has no port). */
    static Optional<InetSocketAddress> parseTarget(String target) {
        return org.spaprov.device.net.HostPort.parse(target, DEFAULT_PORT);
    }

    private void drain() {
        if (pending.isEmpty() || !draining.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().name("syslog-sender").start(() -> {
            try {
                Runnable r;
                while ((r = pending.poll()) != null) {
                    r.run();
                }
            } finally {
                draining.set(false);
            }
            // a line queued between the last poll and the reset must not wait for the next send
            drain();
        });
    }

    private static void deliver(byte[] line, String target) {
        Optional<InetSocketAddress> parsed = parseTarget(target);
        if (parsed.isEmpty()) {
            LOG.debug("syslog: ignoring server '{}' (want host[:port])", target);
            return;
        }
        InetSocketAddress unresolved = parsed.get();
        InetSocketAddress address = new InetSocketAddress(unresolved.getHostString(), unresolved.getPort());
        if (address.isUnresolved()) {
            LOG.debug("syslog: cannot resolve {}", unresolved.getHostString());
            return;
        }
        try {
            socket().send(new DatagramPacket(line, line.length, address));
        } catch (IOException e) {
            LOG.debug("syslog: send to {} failed: {}", address, e.getMessage());
        }
    }

    private static DatagramSocket socket() throws SocketException {
        DatagramSocket s = shared;
        if (s == null) {
            synchronized (SyslogSender.class) {
                s = shared;
                if (s == null) {
                    s = new DatagramSocket();
                    shared = s;
                }
            }
        }
        return s;
    }
}
