package org.spaprov.device.sip;

import org.spaprov.sip.DigestClient;
import gov.nist.javax.sip.SipStackImpl;
import java.io.IOException;
import java.net.InetAddress;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.TooManyListenersException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
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
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spaprov.device.engine.Scheduler;
import org.spaprov.device.sip.LineConfig.Off;
import org.spaprov.device.sip.LineConfig.Ready;
import org.spaprov.device.sip.LineConfig.Refused;
import org.spaprov.device.sip.LineStatus.State;

/**
 * Registers the device's lines 1 and 2 with their registrars (RFC 3261 §10) over UDP, on JAIN-SIP RI:
 * REGISTER with {@code Expires: Register_Expires_n_}, one digest answer to a 401/407 challenge
 * ({@link DigestClient}), a refresh before the granted time runs out, and a new attempt after
 * {@code Reg_Retry_Intvl} when registering fails or the line is not configured. Each attempt reads
 * the line's parameters afresh ({@link LineConfig}), so a resync that changes them takes effect at
 * the next attempt or refresh. It sends from the device's NOTIFY endpoint ({@link #startOn}) or,
 * without one, from an endpoint of its own ({@link #start}).
 *
 * <p>{@link #regTimer(int)} is {@code $REGTMR1}/{@code $REGTMR2}: the guide's "seconds since Line n
 * lost registration", 0 while registered; a line that never registered counts from {@link #start}.
 *
 * <p>Timers run on the injected {@link Scheduler} (virtual time in tests); answers arrive on the
 * stack's thread; both take this object's lock. The Contact is the sending endpoint. Passwords are
 * never logged. Threads: see
 * {@link SipNotifyListener}; {@link #close()} stops the stack.
 */
public final class LineRegistrar implements AutoCloseable, SipListener {
    private static final Logger LOG = LoggerFactory.getLogger(LineRegistrar.class);
    /** The lines of a two-line ATA. */
    public static final int LINES = 2;
    /** Challenges answered per attempt: a second 401 after credentials means they are wrong. */
    private static final int MAX_CHALLENGES = 1;
    /** Retry interval when {@code Reg_Retry_Intvl} is unusable (its catalog default). */
    private static final int DEFAULT_RETRY = 30;

    /**
     * Told of every change of a line's status, on the stack's or the scheduler's thread, with the
     * registrar's lock held: must not block.
     */
    @FunctionalInterface
    public interface Observer {
        Observer NONE = s -> { };

        void changed(LineStatus status);
    }

    private final UnaryOperator<String> param;
    private final Scheduler scheduler;
    private final Observer observer;
    private final SipStackImpl stack;
    private final ListeningPoint listeningPoint;
    private final SipProvider provider;
    private final RegisterMessages requests;
    /** The NOTIFY listener whose endpoint this registrar shares, or null when it has its own stack. */
    private final SipNotifyListener shared;
    private final Line[] lines = new Line[LINES];
    private boolean closed;

    private LineRegistrar(String mac, UnaryOperator<String> param, Scheduler scheduler, Observer observer,
            SipStackImpl stack, ListeningPoint listeningPoint, SipProvider provider, SipNotifyListener shared) {
        this.param = param;
        this.scheduler = scheduler;
        this.observer = observer;
        this.stack = stack;
        this.listeningPoint = listeningPoint;
        this.provider = provider;
        this.shared = shared;
        this.requests = new RegisterMessages(listeningPoint);
        Instant now = scheduler.now();
        for (int i = 0; i < LINES; i++) {
            lines[i] = new Line(i + 1, mac, now);
        }
    }

    /**
     * Starts an endpoint of its own on {@code bind} (a free UDP port) and schedules the first
     * REGISTER of each line at once; the Contact is that endpoint, which answers only OPTIONS.
     *
     * @param mac the device's MAC (names the stack and the Call-IDs)
     * @param param the device's current parameter values by XML name ("" when unset)
     * @throws IOException when the stack cannot start
     */
    public static LineRegistrar start(String mac, UnaryOperator<String> param, Scheduler scheduler, InetAddress bind,
            Observer observer) throws IOException {
        SipStackImpl stack = SipStacks.create("reg", mac);
        LineRegistrar r;
        try {
            ListeningPoint lp = SipStacks.bind(stack, bind, 0);
            SipProvider provider = stack.createSipProvider(lp);
            r = new LineRegistrar(mac, param, scheduler, observer, stack, lp, provider, null);
            provider.addSipListener(r);
            stack.start();
            SipStacks.awaitReady(bind, lp.getPort());
        } catch (IOException e) {
            stack.stop();
            throw e;
        } catch (SipException | TooManyListenersException | RuntimeException e) {
            stack.stop();
            throw new IOException("SIP registrar client on udp " + bind.getHostAddress() + ": " + e.getMessage(), e);
        }
        return r.begin();
    }

    /**
     * Registers from the device's NOTIFY endpoint, as a real SPA does from its one SIP port: the
     * Contact is that endpoint, so the registrar's NOTIFYs reach the listener. {@link #close()} leaves
     * the listener running.
     */
    public static LineRegistrar startOn(SipNotifyListener listener, String mac, UnaryOperator<String> param,
            Scheduler scheduler, Observer observer) {
        LineRegistrar r = new LineRegistrar(mac, param, scheduler, observer, null, listener.listeningPoint(),
                listener.provider(), listener);
        listener.client(r);
        return r.begin();
    }

    private synchronized LineRegistrar begin() {
        for (Line l : lines) {
            l.timer = scheduler.schedule(Duration.ZERO, new RegisterTask(l));
        }
        return this;
    }

    /** The UDP port REGISTERs are sent from. */
    public int port() {
        return listeningPoint.getPort();
    }

    /** Line {@code n}'s status now. */
    public synchronized LineStatus status(int n) {
        return line(n).status;
    }

    /** {@code $REGTMR<n>}: 0 while line {@code n} is registered, else seconds since it lost (or never had) registration. */
    public synchronized long regTimer(int n) {
        Line l = line(n);
        return l.status.state() == State.REGISTERED ? 0
                : Math.max(0, Duration.between(l.lostSince, scheduler.now()).toSeconds());
    }

    /** Stops the timers and the stack (about one second). Idempotent. Registrations are left to expire, as a device that loses power does. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            for (Line l : lines) {
                l.timer.cancel();
            }
        }
        if (shared != null) {
            shared.client(null);
        } else {
            SipStacks.stop(stack, provider, this);
        }
    }

    // ----------------------------------------------------------------------------- registering

    private synchronized void attempt(Line l) {
        if (closed) {
            return;
        }
        l.timer.cancel();
        switch (LineConfig.read(l.n, param)) {
            case Off off -> {
                lost(l, State.OFF, off.why());
                retryLater(l);
            }
            case Refused refused -> {
                lost(l, State.FAILED, refused.why());
                retryLater(l);
            }
            case Ready ready -> {
                l.config = ready.config();
                l.challenges = 0;
                if (l.status.state() != State.REGISTERED) {
                    change(l, State.REGISTERING, "REGISTER to " + l.config.proxy(), 0);
                }
                send(l, null, null);
            }
        }
    }

    private void send(Line l, String authHeader, String authValue) {
        LineConfig c = l.config;
        try {
            Request r = requests.register(c, l.callId, ++l.cseq, l.fromTag, authHeader, authValue);
            ClientTransaction tx = provider.getNewClientTransaction(r);
            tx.sendRequest();
        } catch (ParseException | InvalidArgumentException | SipException | RuntimeException e) {
            failed(l, "cannot send REGISTER: " + e.getMessage());
        }
    }

    private synchronized void answered(Line l, long seq, Response resp) {
        int code = resp.getStatusCode();
        if (closed || code < 200 || seq != l.cseq) {
            return; // provisional, or the answer to a request we no longer wait for
        }
        if ((code == Response.UNAUTHORIZED || code == Response.PROXY_AUTHENTICATION_REQUIRED)
                && l.challenges < MAX_CHALLENGES) {
            boolean proxy = code == Response.PROXY_AUTHENTICATION_REQUIRED;
            String challenge = SipStacks.value(resp.getHeader(proxy ? "Proxy-Authenticate" : "WWW-Authenticate"));
            String cnonce = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
            Optional<String> auth = challenge == null ? Optional.empty() : DigestClient.authorization(challenge,
                    Request.REGISTER, l.config.registrarUri(), l.config.authUser(), l.config.password(), cnonce, 1);
            if (auth.isPresent()) {
                l.challenges++;
                send(l, proxy ? "Proxy-Authorization" : "Authorization", auth.get());
                return;
            }
        }
        if (code >= 300) {
            failed(l, code + " " + resp.getReasonPhrase());
            return;
        }
        int granted = RegisterMessages.granted(resp, l.config.expires());
        if (granted <= 0) {
            failed(l, "registrar granted no time");
            return;
        }
        l.lostSince = null;
        change(l, State.REGISTERED, code + " " + resp.getReasonPhrase(), granted);
        LOG.info("line {}: registered at {} as {} for {} s", l.n, l.config.proxy(), l.config.user(), granted);
        l.timer.cancel(); // one timer per line, always
        l.timer = scheduler.schedule(Duration.ofSeconds(refreshAfter(granted)), new RegisterTask(l));
    }

    private synchronized void timedOut(Line l, long seq) {
        if (seq == l.cseq) {
            failed(l, "timeout");
        }
    }

    private synchronized void failed(Line l, String why) {
        if (closed) {
            return;
        }
        LOG.info("line {}: registration at {} failed: {}", l.n, l.config == null ? "-" : l.config.proxy(), why);
        lost(l, State.FAILED, why);
        retryLater(l);
    }

    /** Marks the line unregistered; {@code $REGTMR} counts from the first moment it was lost. */
    private void lost(Line l, State state, String why) {
        if (l.lostSince == null) {
            l.lostSince = scheduler.now();
        }
        if (l.status.state() != state || !l.status.detail().equals(why)) {
            change(l, state, why, 0);
        }
    }

    private void change(Line l, State state, String detail, int expires) {
        l.status = new LineStatus(l.n, state, detail, scheduler.now(), expires);
        observer.changed(l.status);
    }

    private void retryLater(Line l) {
        int s;
        try {
            s = Integer.parseInt(param.apply("Reg_Retry_Intvl").strip());
        } catch (NumberFormatException e) {
            s = DEFAULT_RETRY;
        }
        l.timer.cancel();
        l.timer = scheduler.schedule(Duration.ofSeconds(s > 0 ? s : DEFAULT_RETRY), new RegisterTask(l));
    }

    /**
     * When to refresh a registration granted for {@code granted} seconds: an eighth of it (at least
     * one second) before it runs out, so a refresh that needs a challenge round still lands in time.
     */
    static long refreshAfter(int granted) {
        return Math.max(1, granted - Math.max(1, granted / 8));
    }

    private Line line(int n) {
        if (n < 1 || n > LINES) {
            throw new IllegalArgumentException("line must be 1.." + LINES + ", got " + n);
        }
        return lines[n - 1];
    }

    private Line byCallId(javax.sip.message.Message m) {
        if (m.getHeader(CallIdHeader.NAME) instanceof CallIdHeader c) {
            for (Line l : lines) {
                if (l.callId.equals(c.getCallId())) {
                    return l;
                }
            }
        }
        return null;
    }

    // ----------------------------------------------------------------------------- SipListener

    @Override
    public void processResponse(ResponseEvent event) {
        Response resp = event.getResponse();
        Line l = byCallId(resp);
        if (l != null && resp.getHeader(CSeqHeader.NAME) instanceof CSeqHeader c) {
            answered(l, c.getSeqNumber(), resp);
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.getClientTransaction() != null) {
            Request r = event.getClientTransaction().getRequest();
            Line l = byCallId(r);
            if (l != null && r.getHeader(CSeqHeader.NAME) instanceof CSeqHeader c) {
                timedOut(l, c.getSeqNumber());
            }
        }
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        if (Request.ACK.equals(request.getMethod())) {
            return;
        }
        try {
            Response r = requests.answer(request, Request.OPTIONS.equals(request.getMethod()) ? Response.OK
                    : Response.METHOD_NOT_ALLOWED);
            provider.sendResponse(r);
        } catch (ParseException | SipException | RuntimeException e) {
            LOG.debug("SIP {}: cannot answer: {}", request.getMethod(), e.getMessage());
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
        // REGISTER makes no dialogs
    }

    // ----------------------------------------------------------------------------- state

    /** One line's registration; guarded by the registrar's lock. */
    private static final class Line {
        final int n;
        final String callId;
        final String fromTag = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        long cseq;
        int challenges;
        LineConfig config;
        LineStatus status;
        Instant lostSince;
        Scheduler.Cancellable timer = Scheduler.Cancellable.NONE;

        Line(int n, String mac, Instant start) {
            this.n = n;
            this.callId = "reg" + n + "-" + mac + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
            this.lostSince = start;
            this.status = new LineStatus(n, State.OFF, "not started", start, 0);
        }
    }

    /** Runs when a line is due to (re-)register: at start, before the granted time ends, after Reg_Retry_Intvl. */
    private final class RegisterTask implements Runnable {
        private final Line line;

        RegisterTask(Line line) {
            this.line = line;
        }

        @Override
        public void run() {
            attempt(line);
        }
    }
}
