package org.spaprov.server.provision;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.spaprov.tftp.TftpTransferEvent;

/**
 * The server's meters, in one Micrometer registry that {@code GET /metrics} scrapes (Prometheus text format).
 * Every meter a request touches is registered up front and found by array index, so the hot paths allocate
 * nothing: {@link #request} (by protocol and status, with a latency histogram per protocol),
 * {@link #tftpTransfer} (by direction and outcome), {@link #cacheHit}/{@link #cacheMiss}. Values owned
 * elsewhere (event queue, connections) are read at scrape time through {@link #gauge}/{@link #functionCounter}.
 * Thread-safe.
 *
 * <table>
 * <caption>Meters (Prometheus names)</caption>
 * <tr><td>{@code spaprov_requests_total{protocol,status}}</td><td>answers, by protocol and status (statuses
 *     outside {@link #STATUSES} as {@code other})</td></tr>
 * <tr><td>{@code spaprov_request_duration_seconds{protocol}}</td><td>histogram of time to answer</td></tr>
 * <tr><td>{@code spaprov_tftp_transfers_total{direction,outcome}}</td><td>how TFTP transfers ended</td></tr>
 * <tr><td>{@code spaprov_profile_cache_total{result}}</td><td>built-profile cache hits and misses</td></tr>
 * </table>
 */
public final class ServerMetrics {
    /** Statuses with their own counter; anything else counts as {@code other}. */
    static final int[] STATUSES = {200, 206, 304, 400, 403, 404, 405, 408, 413, 414, 416, 429, 431, 500, 503, 505};
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofSeconds(5)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** [protocol][status 0..599]: the counter for that pair (shared "other" for unlisted statuses). */
    private final Counter[][] requests = new Counter[Protocol.values().length][600];
    private final Counter[] otherStatus = new Counter[Protocol.values().length];
    private final Timer[] latency = new Timer[Protocol.values().length];
    private final Counter[][] tftp = new Counter[TftpTransferEvent.Direction.values().length][TftpTransferEvent.Outcome
            .values().length];
    private final Counter cacheHits;
    private final Counter cacheMisses;

    public ServerMetrics() {
        for (Protocol p : Protocol.values()) {
            String proto = p.name().toLowerCase(Locale.ROOT);
            otherStatus[p.ordinal()] = requestCounter(proto, "other");
            java.util.Arrays.fill(requests[p.ordinal()], otherStatus[p.ordinal()]);
            for (int s : STATUSES) {
                requests[p.ordinal()][s] = requestCounter(proto, Integer.toString(s));
            }
            latency[p.ordinal()] = Timer.builder("spaprov.request.duration")
                    .description("Time from a request to its answer.")
                    .tag("protocol", proto)
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry);
        }
        for (TftpTransferEvent.Direction d : TftpTransferEvent.Direction.values()) {
            for (TftpTransferEvent.Outcome o : TftpTransferEvent.Outcome.values()) {
                tftp[d.ordinal()][o.ordinal()] = Counter.builder("spaprov.tftp.transfers")
                        .description("TFTP transfers by direction and how they ended.")
                        .tag("direction", d.name().toLowerCase(Locale.ROOT))
                        .tag("outcome", o.name().toLowerCase(Locale.ROOT))
                        .register(registry);
            }
        }
        cacheHits = cacheCounter("hit");
        cacheMisses = cacheCounter("miss");
    }

    /** One answer of {@code status} over {@code protocol}, {@code nanos} after the request arrived. */
    public void request(Protocol protocol, int status, long nanos) {
        int p = protocol.ordinal();
        (status >= 0 && status < 600 ? requests[p][status] : otherStatus[p]).increment();
        latency[p].record(nanos, TimeUnit.NANOSECONDS);
    }

    /** One TFTP transfer ended. */
    public void tftpTransfer(TftpTransferEvent.Direction direction, TftpTransferEvent.Outcome outcome) {
        tftp[direction.ordinal()][outcome.ordinal()].increment();
    }

    public void cacheHit() {
        cacheHits.increment();
    }

    public void cacheMiss() {
        cacheMisses.increment();
    }

    /** A gauge read at scrape time ({@code name} in Micrometer's dotted form). Registering a name again is a no-op
     * (the first owner stays). */
    public <T> void gauge(String name, String help, T owner, ToDoubleFunction<T> value) {
        if (registry.find(name).meter() != null) {
            return;
        }
        Gauge.builder(name, owner, value).description(help).strongReference(true).register(registry);
    }

    /** A gauge with one tag, read at scrape time. */
    public void gauge(String name, String help, String tag, String tagValue, Supplier<Number> value) {
        if (registry.find(name).tag(tag, tagValue).meter() != null) {
            return;
        }
        Gauge.builder(name, value).description(help).tag(tag, tagValue).strongReference(true).register(registry);
    }

    /** A monotonic count owned elsewhere, read at scrape time. */
    public <T> void functionCounter(String name, String help, T owner, ToDoubleFunction<T> value) {
        if (registry.find(name).meter() != null) {
            return;
        }
        FunctionCounter.builder(name, owner, value).description(help).register(registry);
    }

    /** Every meter in the Prometheus text exposition format (0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    /** The registry, for binders (JVM meters) and tests. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    private Counter requestCounter(String protocol, String status) {
        return Counter.builder("spaprov.requests")
                .description("Answers to provisioning requests, by protocol and status.")
                .tag("protocol", protocol)
                .tag("status", status)
                .register(registry);
    }

    private Counter cacheCounter(String result) {
        return Counter.builder("spaprov.profile.cache")
                .description("Built-profile cache lookups.")
                .tag("result", result)
                .register(registry);
    }
}
