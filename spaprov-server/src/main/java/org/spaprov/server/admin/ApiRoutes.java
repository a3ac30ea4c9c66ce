package org.spaprov.server.admin;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every route of the admin API, its access, and how refusals become HTTP, in one place.
 *
 * <pre>
 * GET /api/v1/health               PUBLIC  {"status":"ok"}
 * GET /api/v1/devices              TOKEN   {"devices":[...],"next":mac}     ?limit=1..1000 (1000) &after=MAC
 * GET /api/v1/devices/{mac}        TOKEN   {"device":{...},"events":[...]}   ?limit=1..1000 (20)
 * GET /api/v1/events               TOKEN   {"events":[...]}                  ?limit=1..1000 (100)
 * POST /api/v1/campaigns          PUSH    {"id":N,"devices":n,"url":...}    {"action","target","via","rate"}
 * GET /api/v1/campaigns/{id}       TOKEN   {"id","state","counts",...,"devices":[{mac,outcome,status,...}]}
 * GET /metrics                     TOKEN   Prometheus text
 * </pre>
 *
 * Errors are {@code {"status":N,"error":"..."}}: 400 bad input, 401 no or wrong token, 404 unknown
 * device or route, 405, 500 (details only in the log).
 */
final class ApiRoutes {
    /** The REST API's base path. */
    static final String BASE = "/api/v1";
    private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);

    private ApiRoutes() {
    }

    static void declare(RoutesConfig routes, BearerAuth auth, DeviceApi devices, MetricsApi metrics,
            CampaignApi campaigns) {
        routes.beforeMatched(ctx -> {
            if (!ctx.routeRoles().contains(Access.PUBLIC)) {
                requireToken(ctx, auth);
            }
        });
        routes.apiBuilder(() -> {
            path(BASE, () -> {
                get("/health", devices::health, Access.PUBLIC);
                get("/devices", devices::list, Access.TOKEN);
                get("/devices/{mac}", devices::one, Access.TOKEN);
                get("/events", devices::events, Access.TOKEN);
                post("/campaigns", campaigns::start, Access.PUSH);
                get("/campaigns/{id}", campaigns::one, Access.TOKEN);
            });
            get("/metrics", metrics::scrape, Access.TOKEN);
        });
        routes.exception(ApiError.class, (e, ctx) -> {
            if (e.kind() == ApiError.Kind.UNAUTHORIZED) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"spaprov admin\"");
            }
            error(ctx, e.kind().status, e.getMessage());
        });
        // Javalin's own refusals: no such route (404), wrong method (405), ...
        routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.warn("admin: {} {} failed: {}", ctx.method(), ctx.path(), e.toString());
            error(ctx, 500, "internal error (see the server log)");
        });
    }

    private static void requireToken(Context ctx, BearerAuth auth) {
        // Answers about devices are not for caches, whoever may sit in between.
        ctx.header("Cache-Control", "no-store");
        String header = ctx.header("Authorization");
        if (!auth.accepts(header)) {
            LOG.info("admin: refused {} {} from {}: {}", ctx.method(), ctx.path(), ctx.ip(),
                    header == null ? "no token" : "wrong token");
            throw ApiError.unauthorized(header == null ? "this route needs 'Authorization: Bearer <token>'"
                    : "wrong token");
        }
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status).json(new ApiError.Body(status, message));
    }
}
