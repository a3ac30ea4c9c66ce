package org.spaprov.server.push;

import java.util.Objects;

/**
 * How one push to one device ended. Never carries a credential.
 *
 * @param result the outcome class
 * @param status the device's final SIP or HTTP status, 0 when it did not answer
 * @param detail one line for operators (e.g. {@code 200 OK after digest}, {@code no answer in 4s})
 */
public record PushOutcome(Result result, int status, String detail) {
    /** The outcome classes recorded per device in a campaign. */
    public enum Result {
        /** The device accepted (SIP 200 / HTTP 2xx): it acts next. */
        OK,
        /** It challenged and our credentials were refused or we had none: {@code 401 unanswerable}. */
        UNAUTHORIZED,
        /** It refused otherwise (403 Resync_From_SIP No, 489, HTTP 404...). */
        REFUSED,
        /** No answer within the push timeout (device down or unreachable). */
        TIMEOUT,
        /** Nowhere to send: never seen, no SIP port, HTTP push not allowed, or a send error. */
        UNREACHABLE;

        /** The name stored and shown: {@code ok}, {@code unauthorized}, ... */
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public PushOutcome {
        Objects.requireNonNull(result, "result");
        detail = detail == null ? "" : detail.length() > 200 ? detail.substring(0, 200) : detail;
    }

    static PushOutcome of(int status, String detail) {
        Result r = status >= 200 && status < 300 ? Result.OK
                : status == 401 || status == 407 ? Result.UNAUTHORIZED : Result.REFUSED;
        return new PushOutcome(r, status, detail);
    }
}
