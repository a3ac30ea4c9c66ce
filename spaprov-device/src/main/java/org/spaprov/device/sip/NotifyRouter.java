package org.spaprov.device.sip;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spaprov.device.DeviceControl;

/**
 * A light SIP NOTIFY responder for a fleet: one UDP socket for many emulated devices, routing each
 * request by its Request-URI user (the device's {@code User_ID_1_} when set, or its MAC) to the device,
 * which answers as {@link SipNotifyListener} does ({@link NotifyPolicy}: the same 401 digest challenge
 * with its line credentials, 403, 489), then acts. An unknown user gets 404, OPTIONS 200, other methods
 * 405. A retransmitted request gets the answer already sent (the last {@value #ANSWERS_KEPT} answers are
 * kept), so a retransmission never spends a digest nonce twice. No JAIN-SIP: {@link NotifyCodec} reads
 * only what NOTIFY needs, so 100,000 devices cost one thread and one socket.
 *
 * <p>Thread-safe; one daemon thread reads the socket until {@link #close()}.
 */
public final class NotifyRouter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotifyRouter.class);
    /** Answers remembered for retransmissions. */
    static final int ANSWERS_KEPT = 4096;

    private final DatagramSocket socket;
    private final Map<String, DeviceControl> byUser;
    private final Map<String, NotifyPolicy> policies = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Map<String, byte[]> answers = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > ANSWERS_KEPT;
        }
    };
    private final Thread reader;
    private volatile boolean closed;

    private NotifyRouter(DatagramSocket socket, Map<String, DeviceControl> byUser, Clock clock) {
        this.socket = socket;
        this.byUser = byUser;
        this.clock = clock;
        this.reader = Thread.ofPlatform().daemon().name("spaprov-fleet-sip").unstarted(this::run);
    }

    /**
     * Binds {@code bind}:{@code port} (0 = a free port) for {@code devices} and starts answering.
     *
     * @throws IOException when the port cannot be bound
     */
    public static NotifyRouter start(Collection<? extends DeviceControl> devices, InetAddress bind, int port, Clock clock)
            throws IOException {
        Map<String, DeviceControl> users = new HashMap<>();
        for (DeviceControl d : devices) {
            users.put(d.mac(), d);
            String user = d.param("User_ID_1_");
            if (user != null && !user.isBlank()) {
                users.putIfAbsent(user, d);
            }
        }
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(bind, port));
        NotifyRouter r = new NotifyRouter(s, Map.copyOf(users), clock);
        r.reader.start();
        return r;
    }

    /** The bound UDP address. */
    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    private void run() {
        byte[] buf = new byte[NotifyCodec.MAX_DATAGRAM];
        while (!closed) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (SocketException e) {
                return; // closed
            } catch (IOException e) {
                LOG.debug("fleet SIP: receive failed: {}", e.toString());
                continue;
            }
            try {
                handle(p);
            } catch (RuntimeException e) {
                LOG.warn("fleet SIP: request from {} not answered: {}", p.getAddress().getHostAddress(), e.toString());
            }
        }
    }

    private void handle(DatagramPacket p) {
        Optional<NotifyCodec.Request> parsed = NotifyCodec.parse(p.getData(), p.getLength());
        if (parsed.isEmpty() || parsed.get().method().equals("ACK")) {
            return;
        }
        NotifyCodec.Request r = parsed.get();
        String key = r.callId() + " " + r.cseq() + " " + r.vias().getFirst();
        byte[] earlier;
        synchronized (answers) {
            earlier = answers.get(key);
        }
        if (earlier != null) {
            send(earlier, p);
            return;
        }
        DeviceControl device = byUser.get(r.user());
        NotifyEvent perform = null;
        byte[] answer;
        String tag = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        if (r.method().equals("OPTIONS")) {
            answer = NotifyCodec.response(r, 200, "OK", tag, List.of());
        } else if (!r.method().equals("NOTIFY")) {
            answer = NotifyCodec.response(r, 405, "Method Not Allowed", tag, List.of("Allow: NOTIFY, OPTIONS"));
        } else if (device == null) {
            answer = NotifyCodec.response(r, 404, "Not Found", tag, List.of());
        } else {
            NotifyPolicy policy = policies.computeIfAbsent(device.mac(), m -> new NotifyPolicy(
                    new DigestAuth("spa-" + m, clock, SipNotifyListener.NONCE_LIFETIME)));
            NotifyPolicy.Decision d = policy.decide(r.event(), r.authorization(), device);
            answer = switch (d) {
                case NotifyPolicy.Accept a -> {
                    perform = a.event();
                    yield NotifyCodec.response(r, 200, "OK", tag, List.of());
                }
                case NotifyPolicy.Challenge c -> NotifyCodec.response(r, 401, "Unauthorized", tag,
                        List.of("WWW-Authenticate: " + c.wwwAuthenticate()));
                case NotifyPolicy.Reject j -> NotifyCodec.response(r, j.status(), j.status() == 489 ? "Bad Event"
                        : j.status() == 403 ? "Forbidden" : "Refused", tag, j.status() == 489
                        ? List.of("Allow-Events: resync, check-sync, report, reboot_now, restart_now") : List.of());
            };
            LOG.debug("fleet SIP: NOTIFY for {} from {}: {}", device.mac(), p.getAddress().getHostAddress(), d.status());
        }
        synchronized (answers) {
            answers.put(key, answer);
        }
        send(answer, p);
        if (perform != null) {
            NotifyPolicy.perform(device, perform, p.getAddress().getHostAddress(), LOG);
        }
    }

    private void send(byte[] answer, DatagramPacket to) {
        try {
            socket.send(new DatagramPacket(answer, answer.length, to.getSocketAddress()));
        } catch (IOException e) {
            LOG.debug("fleet SIP: cannot answer {}: {}", to.getSocketAddress(), e.toString());
        }
    }

    /** Closes the socket; the reader thread ends. Idempotent. */
    @Override
    public void close() {
        closed = true;
        socket.close();
    }

    /** The users this router answers for (MACs and line user IDs), for diagnostics. */
    List<String> users() {
        return new ArrayList<>(byUser.keySet());
    }
}
