package org.spaprov.server.admin;

import io.javalin.security.RouteRole;

/**
 * Who may call a route, given next to it in {@link ApiRoutes}. A route without {@link #PUBLIC}
 * needs the bearer token, so a route added without a role is closed, not open.
 */
enum Access implements RouteRole {
    /** Anyone (health checks of load balancers and supervisors). */
    PUBLIC,
    /** Holders of the admin token. */
    TOKEN,
    /** Holders of a token that may make devices act (push campaigns). */
    PUSH
}
