package org.spaprov.server.http;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.spaprov.server.provision.ProvisionService;
import org.spaprov.server.provision.ReportSink;

/**
 * What the HTTP/HTTPS handlers call, shared by every connection of a server.
 *
 * @param executor where {@link ProvisionService#handle} and {@link ReportSink#accept} run. Use
 *        {@link #INLINE} only for a service that never blocks (it then runs on the event loop); otherwise a
 *        bounded executor, whose {@link java.util.concurrent.RejectedExecutionException} is answered 503.
 * @param reportExecutor where {@link ReportSink#accept} runs (it writes files: never {@link #INLINE} in production)
 * @param clock for the {@code Date} header
 */
public record HttpBackend(ProvisionService service, ReportSink reports, Executor executor, Executor reportExecutor,
        Clock clock, HttpLimits limits) {
    /** Runs service calls on the calling event-loop thread. */
    public static final Executor INLINE = Runnable::run;

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
    }
}
