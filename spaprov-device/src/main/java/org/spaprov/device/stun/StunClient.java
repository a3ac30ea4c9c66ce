package org.spaprov.device.stun;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import org.spaprov.device.stun.StunMessage.BindingError;
import org.spaprov.device.stun.StunMessage.BindingRequest;
import org.spaprov.device.stun.StunMessage.BindingSuccess;
import org.spaprov.device.stun.StunMessage.TransactionId;

/**
 * The client half of a STUN Binding transaction over UDP (RFC 5389 §7.2.1): the request is sent
 * again after RTO, 2·RTO, 4·RTO… up to {@code attempts} times, and the last one is given 16·RTO to be
 * answered. Answers with another transaction id, from another address, or that do not decode are
 * ignored. Each call uses its own ephemeral socket. Thread-safe (no state).
 *
 * @param rto the initial retransmission timeout (RFC 5389: 500 ms)
 * @param attempts requests sent at most (RFC 5389's Rc: 7)
 */
public record StunClient(Duration rto, int attempts) {
    /** The STUN port when {@code STUN_Server} names none (RFC 5389 §9). */
    public static final int DEFAULT_PORT = 3478;
    /** RFC 5389's defaults: RTO 500 ms, Rc 7 (about 39.5 s in all). */
    public static final StunClient RFC_5389 = new StunClient(Duration.ofMillis(500), 7);
    private static final int RM = 16;
    private static final SecureRandom IDS = new SecureRandom();

    public StunClient {
        if (rto.isNegative() || rto.isZero() || attempts < 1) {
            throw new IllegalArgumentException("rto must be > 0 and attempts >= 1");
        }
    }

    /**
     * Asks {@code server} (resolved) for this host's reflexive address.
     *
     * @return the mapped address the server saw
     * @throws IOException when no usable answer came, or the server answered with an error
     */
    public InetSocketAddress bind(InetSocketAddress server) throws IOException {
        if (server.isUnresolved()) {
            throw new IOException("STUN server " + server.getHostString() + " is not resolved");
        }
        TransactionId id = TransactionId.random(IDS);
        byte[] request = StunCodec.encode(new BindingRequest(id));
        try (DatagramSocket s = new DatagramSocket()) {
            byte[] buf = new byte[StunCodec.MAX_MESSAGE];
            long wait = rto.toMillis();
            for (int attempt = 1; attempt <= attempts; attempt++) {
                s.send(new DatagramPacket(request, request.length, server));
                long deadline = System.nanoTime() + Duration.ofMillis(attempt == attempts ? RM * rto.toMillis() : wait).toNanos();
                StunMessage answer = receive(s, buf, server, id, deadline);
                switch (answer) {
                    case BindingSuccess ok when ok.mapped().isPresent() -> {
                        return ok.mapped().get();
                    }
                    case BindingSuccess ok -> throw new IOException("STUN server " + hostPort(server)
                            + " answered without a mapped address");
                    case BindingError e -> throw new IOException("STUN server " + hostPort(server) + " answered error "
                            + e.code() + (e.reason().isEmpty() ? "" : " " + e.reason()));
                    case null, default -> wait *= 2;
                }
            }
        }
        throw new IOException("no answer from STUN server " + hostPort(server) + " after " + attempts + " requests");
    }

    /** The matching answer, or null when none came before {@code deadline}. */
    private static StunMessage receive(DatagramSocket s, byte[] buf, InetSocketAddress server, TransactionId id,
            long deadline) throws IOException {
        while (true) {
            long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            if (left <= 0) {
                return null;
            }
            s.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                s.receive(p);
            } catch (SocketTimeoutException e) {
                return null;
            }
            if (!server.equals(p.getSocketAddress())) {
                continue;
            }
            var m = StunCodec.decode(p.getData(), p.getLength());
            if (m.isPresent() && m.get().id().equals(id) && !(m.get() instanceof BindingRequest)) {
                return m.get();
            }
        }
    }

    private static String hostPort(InetSocketAddress a) {
        return a.getHostString() + ":" + a.getPort();
    }
}
