package org.spaprov.cli.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.spaprov.cli.UserException;

/**
 * A client of a spaprov server's admin API ({@code /api/v1}) for the operator commands: JSON and CSV over
 * the JDK HttpClient with the bearer token. A refusal of the server becomes a {@link UserException} (exit
 * 1) carrying the server's one-line error and status; an unreachable server too. Reusable by every command
 * that talks to the API ({@code device}, {@code events}, and the push and drift verbs on top).
 *
 * <p>Thread-safe. The token is never shown in an error or {@link #toString()}.
 */
public final class AdminClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final String token;
    private final HttpClient http;

    /**
     * @param base  the server's admin URL, {@code http://host:port} (a trailing {@code /api/v1} is accepted)
     * @param token the bearer token
     */
    public AdminClient(URI base, String token) {
        String s = Objects.requireNonNull(base, "base").toString().replaceAll("/+$", "");
        this.base = URI.create(s.endsWith("/api/v1") ? s.substring(0, s.length() - "/api/v1".length()) : s);
        this.token = Objects.requireNonNull(token, "token");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** An answer of the server. */
    public record Reply(int status, String body) {
        /** The body as JSON. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw UserException.invalid("the admin API answered something that is not JSON (HTTP " + status + ")");
            }
        }

        public boolean ok() {
            return status / 100 == 2;
        }
    }

    /** {@code GET path} ({@code /api/v1/devices?limit=10}); a refusal throws. */
    public JsonNode getJson(String path) {
        return checked(send("GET", path, null, null)).json();
    }

    /** {@code GET path} as text (CSV, metrics); a refusal throws. */
    public String getText(String path) {
        return checked(send("GET", path, null, null)).body();
    }

    /** {@code method path} with a JSON body; a refusal throws. */
    public JsonNode sendJson(String method, String path, Object body) {
        try {
            return checked(send(method, path, "application/json", JSON.writeValueAsString(body))).json();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code method path} with an optional body, answered whatever the status (for callers that read an
     * error's details, like an import's row errors).
     */
    public Reply send(String method, String path, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.body());
        } catch (ConnectException e) {
            throw UserException.invalid("cannot reach the admin API at " + base + " (is 'spaprov serve --admin-port' running?"
                    + " set --admin or SPAPROV_ADMIN_URL)");
        } catch (HttpTimeoutException e) {
            throw UserException.invalid("the admin API at " + base + " did not answer in " + TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            throw UserException.invalid("the admin API at " + base + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw UserException.invalid("interrupted");
        }
    }

    /** {@code r} when it is a success, else its error as a {@link UserException}. */
    public Reply checked(Reply r) {
        if (r.ok()) {
            return r;
        }
        String error;
        try {
            JsonNode j = JSON.readTree(r.body());
            error = j.path("error").asText("");
        } catch (IOException e) {
            error = "";
        }
        if (error.isEmpty()) {
            error = "refused";
        }
        String hint = switch (r.status()) {
            case 401 -> " (check SPAPROV_ADMIN_TOKEN or --token-file)";
            default -> "";
        };
        throw UserException.invalid(error + hint + " (HTTP " + r.status() + ")");
    }

    /** The server's admin URL. */
    public URI base() {
        return base;
    }

    @Override
    public String toString() {
        return "AdminClient[" + base + "]";
    }
}
