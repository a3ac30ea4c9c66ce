package org.spaprov.device.sip;

import gov.nist.javax.sip.EventScanner;
import gov.nist.javax.sip.EventWrapper;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.header.SIPHeader;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.header.Header;
import org.slf4j.LoggerFactory;

/**
 * What every JAIN-SIP endpoint of the device does the same way: one private stack per endpoint
 * (not the global {@code SipFactory} cache) logging to SLF4J, a UDP listening point on a port we pick
 * (the RI rejects 0), start-up that returns only once the endpoint answers, and a stop that lets
 * every stack thread end.
 */
final class SipStacks {
    private static final AtomicLong STACKS = new AtomicLong();
    private static final int BIND_ATTEMPTS = 5;

    private SipStacks() {
    }

    /** A new stack named after {@code purpose} and the device's MAC (not started). */
    static SipStackImpl create(String purpose, String mac) throws IOException {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "spaprov-" + purpose + "-" + mac + "-" + STACKS.incrementAndGet());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "true");
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", SlfStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", SlfServerLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", LoggerFactory.getLogger("org.spaprov.device.sip.messages")
                .isTraceEnabled() ? "TRACE" : "ERROR");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "1");
        try {
            return new SipStackImpl(p);
        } catch (javax.sip.PeerUnavailableException e) {
            throw new IOException("SIP stack: " + e.getMessage(), e);
        }
    }

    /** A UDP listening point on {@code bind}:{@code port}; port 0 picks a free one (retrying when another process takes it first). */
    static ListeningPoint bind(SipStackImpl stack, InetAddress bind, int port) throws IOException {
        String ip = bind.getHostAddress();
        IOException last = null;
        for (int attempt = 0; attempt < (port == 0 ? BIND_ATTEMPTS : 1); attempt++) {
            int p = port;
            if (p == 0) {
                try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(bind, 0))) {
                    p = probe.getLocalPort();
                }
            }
            try {
                return stack.createListeningPoint(ip, p, ListeningPoint.UDP);
            } catch (InvalidArgumentException | javax.sip.TransportNotSupportedException e) {
                last = new IOException("cannot bind SIP udp " + ip + ":" + p + ": " + e.getMessage(), e);
            }
        }
        throw last;
    }

    /**
     * Sends OPTIONS to the endpoint until answered: JAIN-SIP's UDP processor initialises itself on its
     * own thread, and stopping it before that thread ran fails with a NullPointerException inside the
     * stack, so start-up returns only once the endpoint really answers (it must answer OPTIONS).
     */
    static void awaitReady(InetAddress bind, int port) throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(bind, 0))) {
            s.setSoTimeout(250);
            String host = bind.getHostAddress().contains(":") ? "[" + bind.getHostAddress() + "]" : bind.getHostAddress();
            String me = host + ":" + s.getLocalPort();
            for (int attempt = 0; attempt < 40; attempt++) {
                String msg = "OPTIONS sip:ready@" + host + ":" + port + " SIP/2.0\r\n"
                        + "Via: SIP/2.0/UDP " + me + ";branch=z9hG4bK-ready-" + attempt + "-" + System.nanoTime() + "\r\n"
                        + "Max-Forwards: 1\r\nFrom: <sip:ready@" + me + ">;tag=r" + attempt + "\r\n"
                        + "To: <sip:ready@" + host + ":" + port + ">\r\nCall-ID: ready-" + System.nanoTime() + "@" + host
                        + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
                byte[] b = msg.getBytes(StandardCharsets.US_ASCII);
                s.send(new DatagramPacket(b, b.length, new InetSocketAddress(bind, port)));
                try {
                    s.receive(new DatagramPacket(new byte[2048], 2048));
                    return;
                } catch (SocketTimeoutException e) {
                    // not up yet: ask again
                }
            }
        }
        throw new IOException("SIP endpoint on udp " + bind.getHostAddress() + ":" + port + " did not answer within 10 s");
    }

    /**
     * Stops the stack so that every thread it started ends and the port is free; takes about one
     * second (JAIN-SIP sleeps inside).
     */
    static void stop(SipStackImpl stack, SipProvider provider, SipListener listener) {
        provider.removeSipListener(listener);
        EventScanner scanner = stack.getEventScanner();
        // stop() closes the listening point and provider itself; it sleeps 1 s inside JAIN-SIP, and
        // deleting the provider first would stop (and sleep) twice
        stack.stop();
        if (scanner != null) {
            // the RI marks its event thread stopped but leaves it blocked in take(): one dummy event
            // wakes it so it sees the flag and ends (it is not a daemon thread)
            scanner.addEvent(new EventWrapper(new IOExceptionEvent(provider, "127.0.0.1", 0, ListeningPoint.UDP), null));
        }
    }

    /** A header's value without its name, or null when the header is absent. */
    static String value(Header h) {
        if (h == null) {
            return null;
        }
        if (h instanceof SIPHeader s) {
            return s.getHeaderValue();
        }
        String t = h.toString();
        int colon = t.indexOf(':');
        return (colon < 0 ? t : t.substring(colon + 1)).strip();
    }
}
