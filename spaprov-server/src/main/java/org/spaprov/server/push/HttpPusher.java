package org.spaprov.server.push;

import org.spaprov.sip.DigestClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * HTTP push: {@code GET /admin/resync} or {@code /admin/reboot} on the device's web server, answering a
 * Digest 401 once with user {@code admin} and its {@code Admin_Passwd}. The futures never complete
 * exceptionally; the password appears in no outcome. Thread-safe.
 */
final class HttpPusher {
    private final HttpClient client;
    private final Duration timeout;

    HttpPusher(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    CompletableFuture<PushOutcome> send(URI uri, Optional<NotifySender.Credentials> credentials) {
        return get(uri, null).thenCompose(r -> {
            if (r.statusCode() != 401 || credentials.isEmpty()) {
                return CompletableFuture.completedFuture(outcome(r, false, credentials.isEmpty()));
            }
            String challenge = r.headers().allValues("WWW-Authenticate").stream()
                    .filter(v -> v.regionMatches(true, 0, "Digest", 0, 6)).findFirst().orElse(null);
            NotifySender.Credentials c = credentials.get();
            Optional<String> auth = DigestClient.authorization(challenge, "GET", uri.getRawPath(), c.user(), c.password(),
                    HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()), 1);
            if (auth.isEmpty()) {
                return CompletableFuture.completedFuture(outcome(r, false, false));
            }
            return get(uri, auth.get()).thenApply(again -> outcome(again, true, false));
        }).exceptionally(e -> {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof HttpTimeoutException) {
                return new PushOutcome(PushOutcome.Result.TIMEOUT, 0, "no answer in " + timeout.toMillis() + " ms");
            }
            if (cause instanceof IOException) {
                return new PushOutcome(PushOutcome.Result.UNREACHABLE, 0, "cannot connect: " + cause.getClass().getSimpleName());
            }
            return new PushOutcome(PushOutcome.Result.UNREACHABLE, 0, "cannot send: " + cause.getClass().getSimpleName());
        });
    }

    private CompletableFuture<HttpResponse<Void>> get(URI uri, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return client.sendAsync(b.build(), HttpResponse.BodyHandlers.discarding());
    }

    private static PushOutcome outcome(HttpResponse<Void> r, boolean afterDigest, boolean noCredentials) {
        int s = r.statusCode();
        return PushOutcome.of(s, "HTTP " + s + (afterDigest ? " after digest" : "")
                + (s == 401 ? (noCredentials ? ": no Admin_Passwd in the profile" : ": credentials refused") : ""));
    }
}
