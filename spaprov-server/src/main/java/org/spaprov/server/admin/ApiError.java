package org.spaprov.server.admin;

/**
 * A request the admin API refuses, mapped to an HTTP status and a JSON body
 * {@code {"status": 404, "error": "..."}} once, in {@link ApiRoutes}. The message is shown to the
 * client, so it never carries a secret. No stack trace is taken: these are answers, not faults.
 */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The kinds of refusal and their status. */
    enum Kind {
        INVALID(400), UNAUTHORIZED(401), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409);

        final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    private final Kind kind;

    private ApiError(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    static ApiError invalid(String message) {
        return new ApiError(Kind.INVALID, message);
    }

    static ApiError unauthorized(String message) {
        return new ApiError(Kind.UNAUTHORIZED, message);
    }

    static ApiError forbidden(String message) {
        return new ApiError(Kind.FORBIDDEN, message);
    }

    static ApiError conflict(String message) {
        return new ApiError(Kind.CONFLICT, message);
    }

    static ApiError notFound(String message) {
        return new ApiError(Kind.NOT_FOUND, message);
    }

    Kind kind() {
        return kind;
    }

    /** The JSON body of an error. */
    record Body(int status, String error) {
    }
}
