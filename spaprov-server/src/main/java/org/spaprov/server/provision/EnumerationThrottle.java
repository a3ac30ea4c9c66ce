package org.spaprov.server.provision;

import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spaprov.server.config.ServerConfig.Throttle;

/**
 * Counts the different unknown MAC names each source address asks for in a fixed window. Past the
 * limit the address is throttled until its window ends, and one fail2ban-friendly line is logged per
 * window on the {@code spaprov.security} logger:
 * <pre>spaprov: enumeration from 203.0.113.7: 21 MAC names in 60s, throttled</pre>
 * (fail2ban: {@code failregex = ^.*spaprov: enumeration from <HOST>:}). Time comes from the injected
 * clock. Thread-safe; memory is bounded by sweeping expired windows.
 */
public final class EnumerationThrottle {
    private static final Logger SECURITY = LoggerFactory.getLogger("spaprov.security");
    private static final int SWEEP_AT = 10_000;

    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** One address's window; guarded by its own monitor. */
    private static final class Window {
        final long start;
        final Set<String> macs = new HashSet<>();
        boolean logged;

        Window(long start) {
            this.start = start;
        }
    }

    public EnumerationThrottle(Clock clock) {
        this.clock = clock;
    }

    /**
     * Notes that {@code address} asked for the unknown {@code mac}; false when the address is over the
     * limit (the request should be refused with 429).
     */
    public boolean allow(String address, String mac, Throttle t) {
        long now = clock.millis();
        long windowMs = t.window().toMillis();
        if (windows.size() > SWEEP_AT) {
            windows.values().removeIf(w -> now - w.start >= windowMs);
        }
        Window w = windows.compute(address, (a, old) -> old == null || now - old.start >= windowMs ? new Window(now) : old);
        synchronized (w) {
            if (w.macs.size() < t.limit() || w.macs.contains(mac)) {
                w.macs.add(mac);
                return w.macs.size() <= t.limit();
            }
            if (!w.logged) {
                w.logged = true;
                SECURITY.warn("spaprov: enumeration from {}: {} MAC names in {}s, throttled", address,
                        w.macs.size() + 1, t.window().toSeconds());
            }
            return false;
        }
    }

    /** True while {@code address} is throttled. */
    public boolean throttled(String address, Throttle t) {
        Window w = windows.get(address);
        if (w == null || clock.millis() - w.start >= t.window().toMillis()) {
            return false;
        }
        synchronized (w) {
            return w.logged;
        }
    }
}
