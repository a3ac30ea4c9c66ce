package org.spaprov.server.admin;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;
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
 * GET    /api/v1/health            PUBLIC  {"status":"ok"}
 * GET    /api/v1/openapi.json      PUBLIC  the OpenAPI 3 document of these routes
 * GET    /api/v1/devices           TOKEN   {"devices":[...],"next":mac}     ?limit=1..1000 (1000) &after=MAC
 *                                          &model= &group= &q= &firmware= &stale=true|false &result=ok|failed
 * POST   /api/v1/devices           WRITE   {device} -> 201 the device
 * GET    /api/v1/devices/{mac}     TOKEN   {"device":{...},"events":[...]}   ?limit=1..1000 (20)
 * PUT    /api/v1/devices/{mac}     WRITE   {device} -> 200/201 the device
 * DELETE /api/v1/devices/{mac}     WRITE   204
 * GET    /api/v1/devices/{mac}/drift TOKEN   {"mac":..,"reportAt":..,"error":..,"drift":[{"name","intended","reported"}]}
 * POST   /api/v1/devices:import    WRITE   CSV -> {"imported":N,...}, or 400 with row errors (nothing imported)
 * GET    /api/v1/devices:export    TOKEN   CSV                               ?source=site|api|auto
 * GET    /api/v1/events            TOKEN   {"events":[...]}                  ?limit=1..1000 (100)
 * POST   /api/v1/campaigns         PUSH    {"id":N,"devices":n,"url":...}    {"action","target","via","rate"}
 * GET    /api/v1/campaigns/{id}    TOKEN   {"id","state","counts",...,"devices":[{mac,outcome,status,...}]}
 * GET    /metrics                  TOKEN   Prometheus text
 * </pre>
 *
 * {@link Access#TOKEN} needs the {@code read} scope, {@link Access#WRITE} {@code write}, {@link Access#PUSH}
 * {@code push} ({@link Scope}). Every route must be in {@code openapi.json} (a test checks both ways).
 * Errors are {@code {"status":N,"error":"..."}}: 400 bad input, 401 no or wrong token, 403 a token without
 * the route's scope, 404 unknown device or route, 405, 409 a site device written through the API, 500
 * (details only in the log).
 */
final class ApiRoutes {
    /** The REST API's base path. */
    static final String BASE = "/api/v1";
    /** The request attribute naming the token that was accepted (for the log of writes). */
    static final String TOKEN_NAME = "spaprov.token.name";
    private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);

    private ApiRoutes() {
    }

    static void declare(RoutesConfig routes, BearerAuth auth, DeviceApi devices, DeviceWriteApi writes,
            MetricsApi metrics, DriftApi drift, CampaignApi campaigns) {
        routes.beforeMatched(ctx -> {
            if (!ctx.routeRoles().contains(Access.PUBLIC)) {
                requireToken(ctx, auth);
            }
        });
        routes.apiBuilder(() -> {
            path(BASE, () -> {
                get("/health", devices::health, Access.PUBLIC);
                get("/openapi.json", OpenApi::serve, Access.PUBLIC);
                get("/devices", devices::list, Access.TOKEN);
                post("/devices", writes::create, Access.WRITE);
                get("/devices/{mac}", devices::one, Access.TOKEN);
                put("/devices/{mac}", writes::replace, Access.WRITE);
                delete("/devices/{mac}", writes::delete, Access.WRITE);
                post("/devices:import", writes::importCsv, Access.WRITE);
                get("/devices:export", writes::exportCsv, Access.TOKEN);
                get("/devices/{mac}/drift", drift::one, Access.TOKEN);
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
        java.util.Optional<BearerAuth.Grant> grant = auth.grant(header);
        if (grant.isEmpty()) {
            LOG.info("admin: refused {} {} from {}: {}", ctx.method(), ctx.path(), ctx.ip(),
                    header == null ? "no token" : "wrong token");
            throw ApiError.unauthorized(header == null ? "this route needs 'Authorization: Bearer <token>'"
                    : "wrong token");
        }
        // A route with several roles needs only one of their scopes; none given means read.
        java.util.Set<Scope> needed = ctx.routeRoles().stream().filter(Access.class::isInstance)
                .map(r -> ((Access) r).scope()).flatMap(java.util.Optional::stream)
                .collect(java.util.stream.Collectors.toSet());
        if (needed.isEmpty()) {
            needed = java.util.Set.of(Scope.READ);
        }
        if (needed.stream().noneMatch(grant.get().scopes()::contains)) {
            String scope = needed.stream().map(Scope::wire).sorted().collect(java.util.stream.Collectors.joining("' or '"));
            LOG.info("admin: refused {} {} from {}: the token lacks the '{}' scope", ctx.method(), ctx.path(), ctx.ip(),
                    scope);
            throw ApiError.forbidden("this token lacks the '" + scope + "' scope");
        }
        ctx.attribute(TOKEN_NAME, grant.get().name());
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status).json(new ApiError.Body(status, message));
    }
}
