package org.spaprov.server.http;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.spaprov.server.provision.ServerMetrics;
import org.spaprov.server.provision.ProvisionService;
import org.spaprov.server.provision.ReportSink;

/**
 * What the HTTP/HTTPS handlers call, shared by every connection of a server (and by its listeners: one
 * {@link ConnectionGate} counts the connections of all of them).
 *
 * @param executor where {@link ProvisionService#handle} and {@link ReportSink#accept} run. Use
 *        {@link #INLINE} only for a service that never blocks (it then runs on the event loop); otherwise a
 *        bounded executor, whose {@link java.util.concurrent.RejectedExecutionException} is answered 503.
 * @param reportExecutor where {@link ReportSink#accept} runs (it writes files: never {@link #INLINE} in production)
 * @param clock for the {@code Date} header
 * @param gate the connection caps of {@code limits}
 * @param metrics where answers are counted and timed
 */
public record HttpBackend(ProvisionService service, ReportSink reports, Executor executor, Executor reportExecutor,
        Clock clock, HttpLimits limits, ConnectionGate gate, ServerMetrics metrics) {
    /** Runs service calls on the calling event-loop thread. */
    public static final Executor INLINE = Runnable::run;

    /** A backend with its own gate over {@code limits}. */
    public HttpBackend(ProvisionService service, ReportSink reports, Executor executor, Executor reportExecutor,
            Clock clock, HttpLimits limits, ServerMetrics metrics) {
        this(service, reports, executor, reportExecutor, clock, limits, new ConnectionGate(limits), metrics);
    }

    /** A backend whose meters nobody scrapes (tests, benchmarks). */
    public HttpBackend(ProvisionService service, ReportSink reports, Executor executor, Executor reportExecutor,
            Clock clock, HttpLimits limits) {
        this(service, reports, executor, reportExecutor, clock, limits, new ServerMetrics());
    }

    /** One executor for both kinds of call. */
    public HttpBackend(ProvisionService service, ReportSink reports, Executor executor, Clock clock, HttpLimits limits) {
        this(service, reports, executor, executor, clock, limits);
    }

    public HttpBackend {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(reportExecutor, "reportExecutor");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(metrics, "metrics");
    }
}
