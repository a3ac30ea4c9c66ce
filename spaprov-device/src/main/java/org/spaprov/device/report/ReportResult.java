package org.spaprov.device.report;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one Report_Rule attempt. {@code detail} is for logs and the CLI; it never holds a
 * key, password or report content.
 *
 * @param outcome what happened
 * @param url the target URL after macro expansion (empty when the rule gave none)
 * @param detail a short explanation ({@code HTTP 500}, {@code connect failed}, {@code domain not allowed}, ...)
 * @param bytes body bytes sent (0 unless {@link Outcome#SENT})
 * @param encrypted whether the body was encrypted with {@code --key}
 */
public record ReportResult(Outcome outcome, Optional<String> url, String detail, int bytes, boolean encrypted) {
    /** The kinds of outcome. */
    public enum Outcome {
        /** Uploaded; the server accepted it (HTTP 2xx or TFTP transfer complete). */
        SENT,
        /** Empty Report_Rule, or no alternative's condition held: nothing sent. */
        SKIPPED,
        /** The rule does not parse, or its URL is unusable. */
        BAD_RULE,
        /** Restricted_Access_Domains refuses the host (SPEC §15.16). */
        DOMAIN_NOT_ALLOWED,
        /** The rule asks for {@code --key} but the key expands to nothing: nothing sent, never clear text. */
        NO_KEY,
        /** The upload was attempted and failed. */
        FAILED
    }

    public ReportResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(detail, "detail");
    }

    public boolean sent() {
        return outcome == Outcome.SENT;
    }

    static ReportResult of(Outcome outcome, Optional<String> url, String detail) {
        return new ReportResult(outcome, url, detail, 0, false);
    }
}
