package org.spaprov.server.push;

import org.spaprov.sip.DigestClient;
import gov.nist.javax.sip.EventScanner;
import gov.nist.javax.sip.EventWrapper;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.text.ParseException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.Header;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends SIP NOTIFY ({@code Event: resync|report|reboot_now}) to devices over UDP on JAIN-SIP RI and
 * answers one digest challenge (401/407) per NOTIFY with the device's line credentials. Each
 * {@link #send} completes with a {@link PushOutcome}: the final status, or {@code timeout} when no final
 * answer came within the configured time (the RI's own transaction timeout is 32 s; ours is shorter and
 * a later answer is ignored). Credentials never reach a log or an outcome.
 *
 * <p>One stack and one UDP port per sender. JAIN-SIP rejects port 0, so a free port is picked first;
 * its threads are not daemons, and {@link #close()} wakes the event thread so they all end.
 * Thread-safe.
 */
public final class NotifySender implements AutoCloseable, SipListener {
    private static final Logger LOG = LoggerFactory.getLogger(NotifySender.class);
    private static final AtomicLong STACKS = new AtomicLong();

    /**
     * Where and as whom to send one NOTIFY.
     *
     * @param address     the device's (or the proxy's) SIP address
     * @param user        the Request-URI user: the device's {@code User_ID_1_}, else its MAC
     * @param credentials the user and password answering a challenge, empty when we have none
     */
    public record Target(InetSocketAddress address, String user, Optional<Credentials> credentials) {
        public Target {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(user, "user");
            credentials = credentials == null ? Optional.empty() : credentials;
        }
    }

    /** Digest credentials; {@link #toString()} hides the password. */
    public record Credentials(String user, String password) {
        @Override
        public String toString() {
            return "Credentials[" + user + ", ***]";
        }
    }

    /** One NOTIFY in flight: the future, and how far its digest exchange got. */
    private static final class Pending {
        final CompletableFuture<PushOutcome> future = new CompletableFuture<>();
        final Target target;
        final Request request;
        volatile boolean authenticated;

        Pending(Target target, Request request) {
            this.target = target;
            this.request = request;
        }
    }

    private final SipStackImpl stack;
    private final ListeningPoint listeningPoint;
    private final SipProvider provider;
    private final Duration timeout;
    private final MessageFactoryImpl messages = new MessageFactoryImpl();
    private final HeaderFactoryImpl headers = new HeaderFactoryImpl();
    private final AddressFactoryImpl addresses = new AddressFactoryImpl();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "spaprov-push-timer");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    private NotifySender(SipStackImpl stack, ListeningPoint lp, SipProvider provider, Duration timeout) {
        this.stack = stack;
        this.listeningPoint = lp;
        this.provider = provider;
        this.timeout = timeout;
    }

    /**
     * Starts a sender on {@code bind} (a free UDP port).
     *
     * @param timeout how long to wait for a final answer to each NOTIFY
     * @throws IOException when no port can be bound or the stack does not start
     */
    public static NotifySender start(InetAddress bind, Duration timeout) throws IOException {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "spaprov-push-" + STACKS.incrementAndGet());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", SipLogging.Stack.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", SipLogging.Messages.class.getName());
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", SipLogging.traceMessages() ? "TRACE" : "ERROR");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "1");
        SipStackImpl stack;
        try {
            stack = new SipStackImpl(p);
        } catch (javax.sip.PeerUnavailableException e) {
            throw new IOException("SIP stack: " + e.getMessage(), e);
        }
        try {
            ListeningPoint lp = bind(stack, bind);
            SipProvider provider = stack.createSipProvider(lp);
            NotifySender s = new NotifySender(stack, lp, provider, timeout);
            provider.addSipListener(s);
            stack.start();
            return s;
        } catch (IOException e) {
            stack.stop();
            throw e;
        } catch (SipException | java.util.TooManyListenersException | RuntimeException e) {
            stack.stop();
            throw new IOException("SIP push on udp " + bind.getHostAddress() + ": " + e.getMessage(), e);
        }
    }

    private static ListeningPoint bind(SipStackImpl stack, InetAddress bind) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port;
            try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(bind, 0))) {
                port = probe.getLocalPort();
            }
            try {
                return stack.createListeningPoint(bind.getHostAddress(), port, ListeningPoint.UDP);
            } catch (InvalidArgumentException | javax.sip.TransportNotSupportedException e) {
                // another process took the port between the probe and the bind: try another
                last = new IOException("cannot bind SIP udp " + bind.getHostAddress() + ":" + port + ": " + e.getMessage(), e);
            }
        }
        throw last;
    }

    /** The UDP address NOTIFYs leave from. */
    public InetSocketAddress address() {
        return new InetSocketAddress(listeningPoint.getIPAddress(), listeningPoint.getPort());
    }

    /** Sends {@code Event: <event>} to {@code target}; the future never completes exceptionally. */
    public CompletableFuture<PushOutcome> send(Target target, String event) {
        if (closed) {
            return CompletableFuture.completedFuture(new PushOutcome(PushOutcome.Result.UNREACHABLE, 0, "push stopped"));
        }
        try {
            Request r = notify(target, event);
            Pending p = new Pending(target, r);
            String callId = ((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId();
            pending.put(callId, p);
            timer.schedule(() -> finish(callId, new PushOutcome(PushOutcome.Result.TIMEOUT, 0,
                    "no answer in " + timeout.toMillis() + " ms")), timeout.toMillis(), TimeUnit.MILLISECONDS);
            provider.getNewClientTransaction(r).sendRequest();
            return p.future;
        } catch (ParseException | InvalidArgumentException | SipException | RuntimeException e) {
            return CompletableFuture.completedFuture(new PushOutcome(PushOutcome.Result.UNREACHABLE, 0,
                    "cannot send: " + e.getMessage()));
        }
    }

    private Request notify(Target t, String event) throws ParseException, InvalidArgumentException {
        String host = t.address().getAddress().getHostAddress();
        SipURI uri = addresses.createSipURI(t.user(), host.contains(":") ? "[" + host + "]" : host);
        uri.setPort(t.address().getPort());
        SipURI me = addresses.createSipURI("spaprov", listeningPoint.getIPAddress());
        me.setPort(listeningPoint.getPort());
        CallIdHeader callId = provider.getNewCallId();
        Request r = messages.createRequest(uri, Request.NOTIFY, callId,
                headers.createCSeqHeader(1L, Request.NOTIFY),
                headers.createFromHeader(addresses.createAddress(me), HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt())),
                headers.createToHeader(addresses.createAddress(uri), null),
                List.of(headers.createViaHeader(listeningPoint.getIPAddress(), listeningPoint.getPort(), "udp", null)),
                headers.createMaxForwardsHeader(70));
        r.addHeader(headers.createEventHeader(event));
        r.addHeader(headers.createSubscriptionStateHeader("terminated"));
        r.addHeader(headers.createContactHeader(addresses.createAddress(me)));
        return r;
    }

    private void finish(String callId, PushOutcome outcome) {
        Pending p = pending.remove(callId);
        if (p != null) {
            p.future.complete(outcome);
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        Response r = event.getResponse();
        int status = r.getStatusCode();
        String callId = ((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId();
        Pending p = pending.get(callId);
        if (p == null || status < 200) {
            return;
        }
        boolean challenge = status == 401 || status == 407;
        if (challenge && !p.authenticated && p.target.credentials().isPresent()) {
            if (answerChallenge(p, r, status)) {
                return;
            }
        }
        String detail = status + " " + r.getReasonPhrase() + (p.authenticated ? " after digest" : "")
                + (challenge ? (p.target.credentials().isEmpty() ? ": no line credentials" : ": credentials refused") : "");
        finish(callId, PushOutcome.of(status, detail));
    }

    /** Sends the NOTIFY again with an {@code Authorization}; false when the challenge cannot be answered. */
    private boolean answerChallenge(Pending p, Response challenge, int status) {
        String headerName = status == 401 ? "WWW-Authenticate" : "Proxy-Authenticate";
        Credentials c = p.target.credentials().orElseThrow();
        Request first = p.request;
        String uri = first.getRequestURI().toString();
        Optional<String> auth = DigestClient.authorization(value(challenge.getHeader(headerName)), Request.NOTIFY,
                uri, c.user(), c.password(), HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()), 1);
        if (auth.isEmpty()) {
            return false;
        }
        try {
            Request again = (Request) first.clone();
            ((CSeqHeader) again.getHeader(CSeqHeader.NAME)).setSeqNumber(2L);
            again.removeHeader("Via");
            again.addHeader(headers.createViaHeader(listeningPoint.getIPAddress(), listeningPoint.getPort(), "udp", null));
            again.setHeader(headers.createHeader(status == 401 ? "Authorization" : "Proxy-Authorization", auth.get()));
            p.authenticated = true;
            ClientTransaction tx = provider.getNewClientTransaction(again);
            tx.sendRequest();
            return true;
        } catch (ParseException | InvalidArgumentException | SipException | RuntimeException e) {
            LOG.debug("push: cannot answer the challenge: {}", e.getMessage());
            return false;
        }
    }

    private static String value(Header h) {
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

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (!event.isServerTransaction()) {
            Request r = event.getClientTransaction().getRequest();
            finish(((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId(),
                    new PushOutcome(PushOutcome.Result.TIMEOUT, 0, "no answer (SIP transaction timeout)"));
        }
    }

    @Override
    public void processRequest(RequestEvent event) {
        // a sender only: requests to this port are not answered
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.debug("push: SIP I/O error towards {}:{}", event.getHost(), event.getPort());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // nothing kept per transaction
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // no dialogs
    }

    /** Ends every pending NOTIFY as unreachable, releases the port and stops the stack's threads (about 1 s). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        timer.shutdownNow();
        pending.keySet().forEach(id -> finish(id, new PushOutcome(PushOutcome.Result.UNREACHABLE, 0, "push stopped")));
        provider.removeSipListener(this);
        EventScanner scanner = stack.getEventScanner();
        stack.stop();
        if (scanner != null) {
            // the RI leaves its (non-daemon) event thread blocked in take(): one dummy event lets it see the stop
            scanner.addEvent(new EventWrapper(new IOExceptionEvent(provider, "127.0.0.1", 0, ListeningPoint.UDP), null));
        }
    }
}
