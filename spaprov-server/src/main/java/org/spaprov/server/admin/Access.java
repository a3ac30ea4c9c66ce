package org.spaprov.server.admin;

import io.javalin.security.RouteRole;
import java.util.Optional;

/**
 * Who may call a route, given next to it in {@link ApiRoutes}. A route without {@link #PUBLIC}
 * needs a bearer token holding the route's {@link Scope}, so a route added without a role is closed,
 * not open.
 */
enum Access implements RouteRole {
    /** Anyone (health checks of load balancers and supervisors, the OpenAPI document). */
    PUBLIC,
    /** Tokens with the {@code read} scope. */
    TOKEN,
    /** Tokens with the {@code write} scope (the device inventory). */
    WRITE,
    /** Tokens with the {@code push} scope (making devices act: NOTIFY, HTTP push, campaigns). */
    PUSH;

    /** The scope a token needs for a route with this access; empty for {@link #PUBLIC}. */
    Optional<Scope> scope() {
        return switch (this) {
            case PUBLIC -> Optional.empty();
            case TOKEN -> Optional.of(Scope.READ);
            case WRITE -> Optional.of(Scope.WRITE);
            case PUSH -> Optional.of(Scope.PUSH);
        };
    }
}
