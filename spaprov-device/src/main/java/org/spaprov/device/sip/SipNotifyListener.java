package org.spaprov.device.sip;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import gov.nist.javax.sip.message.SIPMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.TooManyListenersException;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransactionUnavailableException;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spaprov.device.DeviceControl;

/**
 * The device's UDP SIP endpoint for NOTIFY from the service provider (SPEC §13.2), on JAIN-SIP RI.
 * The answer to each NOTIFY is decided as described in {@link NotifyPolicy}: {@code Event: resync}
 * (alias {@code check-sync}), {@code report}, {@code reboot_now} and {@code restart_now} are acted on
 * (after a 200) through {@link DeviceControl}; anything else gets 489. OPTIONS gets 200, other
 * methods 405. Credentials and passwords are never logged.
 *
 * <p>Each listener owns one JAIN-SIP stack (created directly, not through the global
 * {@code SipFactory} cache) whose log goes to SLF4J via {@link SlfStackLogger} and
 * {@link SlfServerLogger}. Port 0 means "pick a free port" (JAIN-SIP itself rejects 0).
 *
 * <p><b>Threads:</b> the stack runs non-daemon threads. The RI's own {@code stop()} leaves its event
 * thread blocked for ever; {@link #stop()} wakes it so every thread the stack started ends and the
 * port is free (tested). Even so, a CLI command that used a listener must end the JVM explicitly
 * ({@code System.exit} with its exit code) rather than fall off {@code main}: other RI versions
 * leak differently, and a forgotten {@code stop()} would otherwise hang the command.
 */
public final class SipNotifyListener implements AutoCloseable, SipListener {
    private static final Logger LOG = LoggerFactory.getLogger(SipNotifyListener.class);
    /** How long a digest nonce stays valid. */
    public static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);

    private final DeviceControl device;
    private final NotifyPolicy policy;
    private final SipStackImpl stack;
    private final MessageFactoryImpl messages = new MessageFactoryImpl();
    private final HeaderFactoryImpl headers = new HeaderFactoryImpl();
    private final ListeningPoint listeningPoint;
    private final SipProvider provider;
    private volatile boolean stopped;
    /** Gets the answers to the requests the device sends from this endpoint (REGISTER), when registering here. */
    private volatile SipListener client;

    private SipNotifyListener(DeviceControl device, InetAddress bind, int port, Clock clock) throws IOException {
        this.device = device;
        this.policy = new NotifyPolicy(new DigestAuth("spa-" + device.mac(), clock, NONCE_LIFETIME));
        this.stack = SipStacks.create("sip", device.mac());
        ListeningPoint lp = null;
        try {
            lp = SipStacks.bind(stack, bind, port);
            this.listeningPoint = lp;
            this.provider = stack.createSipProvider(lp);
            provider.addSipListener(this);
            stack.start();
            SipStacks.awaitReady(bind, lp.getPort());
        } catch (IOException e) {
            stack.stop();
            throw e;
        } catch (SipException | TooManyListenersException | RuntimeException e) {
            stack.stop();
            throw new IOException("SIP listener on udp " + bind.getHostAddress() + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** Starts a listener on 127.0.0.1:{@code port} (0 = a free port). */
    public static SipNotifyListener start(DeviceControl device, int port) throws IOException {
        return start(device, InetAddress.getLoopbackAddress(), port, Clock.systemUTC());
    }

    /**
     * Starts a listener on {@code bind}:{@code port} (0 = a free port); {@code clock} times digest
     * nonces.
     *
     * @throws IOException when the port cannot be bound or the stack does not start
     */
    public static SipNotifyListener start(DeviceControl device, InetAddress bind, int port, Clock clock)
            throws IOException {
        return new SipNotifyListener(device, bind, port, clock);
    }

    /** The bound UDP address. */
    public InetSocketAddress address() {
        return new InetSocketAddress(listeningPoint.getIPAddress(), listeningPoint.getPort());
    }

    /** The bound UDP port. */
    public int port() {
        return listeningPoint.getPort();
    }

    /**
     * Releases the port and stops the stack; takes about one second (JAIN-SIP waits for its threads).
     * Idempotent. Some JAIN-SIP threads may outlive this call (see class comment).
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        SipStacks.stop(stack, provider, this);
    }

    @Override
    public void close() {
        stop();
    }

    // ----------------------------------------------------------------------------- for LineRegistrar

    SipProvider provider() {
        return provider;
    }

    ListeningPoint listeningPoint() {
        return listeningPoint;
    }

    /** Routes answers and client timeouts to {@code c} (null: nobody). */
    void client(SipListener c) {
        this.client = c;
    }

    // ----------------------------------------------------------------------------- SipListener

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        String method = request.getMethod();
        if (Request.ACK.equals(method) || stopped) {
            return;
        }
        ServerTransaction tx = event.getServerTransaction();
        if (tx == null) {
            try {
                tx = provider.getNewServerTransaction(request);
            } catch (TransactionAlreadyExistsException e) {
                // a retransmission: the transaction layer re-sends our last answer
                return;
            } catch (TransactionUnavailableException e) {
                tx = null; // answer statelessly
            }
        }
        try {
            switch (method) {
                case Request.NOTIFY -> notify(request, tx);
                case Request.OPTIONS -> send(tx, request, response(request, Response.OK, null));
                default -> {
                    Response r = response(request, Response.METHOD_NOT_ALLOWED, null);
                    r.addHeader(headers.createAllowHeader(Request.NOTIFY));
                    r.addHeader(headers.createAllowHeader(Request.OPTIONS));
                    send(tx, request, r);
                }
            }
        } catch (SipException | ParseException | InvalidArgumentException | RuntimeException e) {
            LOG.warn("SIP {} from {}: cannot answer: {}", method, remoteHost(request), e.getMessage());
        }
    }

    private void notify(Request request, ServerTransaction tx)
            throws SipException, ParseException, InvalidArgumentException {
        String host = remoteHost(request);
        NotifyPolicy.Decision d = policy.decide(SipStacks.value(request.getHeader("Event")),
                SipStacks.value(request.getHeader("Authorization")), device);
        Response r = switch (d) {
            case NotifyPolicy.Accept a -> response(request, Response.OK, null);
            case NotifyPolicy.Challenge c -> {
                Response x = response(request, Response.UNAUTHORIZED, null);
                x.addHeader(headers.createHeader("WWW-Authenticate", c.wwwAuthenticate()));
                yield x;
            }
            case NotifyPolicy.Reject j -> {
                Response x = response(request, j.status(), j.status() == 489 ? "Bad Event" : null);
                if (j.status() == 489) {
                    for (String e : new String[] {"resync", NotifyEvent.CHECK_SYNC, "report", "reboot_now", "restart_now"}) {
                        x.addHeader(headers.createAllowEventsHeader(e));
                    }
                }
                yield x;
            }
        };
        send(tx, request, r);
        LOG.info("SIP NOTIFY event={} from {}: {}{}", eventToken(request), host, d.status(),
                d instanceof NotifyPolicy.Reject j ? " (" + j.reason() + ")" : "");
        if (d instanceof NotifyPolicy.Accept a) {
            NotifyPolicy.perform(device, a.event(), host, LOG);
        }
    }

    private void send(ServerTransaction tx, Request request, Response response)
            throws SipException, InvalidArgumentException {
        if (tx != null) {
            tx.sendResponse(response);
        } else {
            provider.sendResponse(response);
        }
    }

    private Response response(Request request, int status, String reason) throws ParseException {
        Response r = messages.createResponse(status, request);
        if (reason != null) {
            r.setReasonPhrase(reason);
        }
        ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
        if (to != null && to.getTag() == null) {
            to.setTag(HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
        }
        return r;
    }

    private static String eventToken(Request request) {
        String v = SipStacks.value(request.getHeader("Event"));
        return v == null ? "(none)" : v.length() > 40 ? v.substring(0, 40) + "..." : v;
    }

    private static String remoteHost(Request request) {
        if (request instanceof SIPMessage m && m.getRemoteAddress() != null) {
            return m.getRemoteAddress().getHostAddress();
        }
        return "unknown";
    }

    @Override
    public void processResponse(ResponseEvent event) {
        SipListener c = client;
        if (c != null) {
            c.processResponse(event);
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        SipListener c = client;
        if (c != null && !event.isServerTransaction()) {
            c.processTimeout(event);
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.debug("SIP I/O error towards {}:{}", event.getHost(), event.getPort());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // nothing kept per transaction
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // no dialogs
    }
}
