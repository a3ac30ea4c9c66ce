package org.spaprov.server.admin;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3 document of {@link ApiRoutes}, written by hand next to
 * this class ({@value #RESOURCE}) and checked against the declared routes by a test, both ways. Stateless.
 */
final class OpenApi {
    static final String RESOURCE = "openapi.json";
    private static final byte[] DOCUMENT = load();

    private OpenApi() {
    }

    static void serve(Context ctx) {
        ctx.contentType("application/json").result(DOCUMENT);
    }

    /** The document's bytes. */
    static byte[] document() {
        return DOCUMENT.clone();
    }

    private static byte[] load() {
        try (InputStream in = OpenApi.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
