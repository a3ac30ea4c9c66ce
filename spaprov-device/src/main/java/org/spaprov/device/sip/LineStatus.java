package org.spaprov.device.sip;

import java.time.Instant;

/**
 * What one line's registration is doing ({@link LineRegistrar}).
 *
 * @param detail why: a status line ({@code 200 OK}), {@code timeout}, {@code domain not allowed}…
 * @param since when the line entered this state (the scheduler's time)
 * @param expires the granted registration time in seconds while {@code REGISTERED}, else 0
 */
public record LineStatus(int line, State state, String detail, Instant since, int expires) {
    /** A line's registration state. */
    public enum State {
        /** Not registering: disabled, {@code Register_n_} No, or no proxy or user id. */
        OFF,
        /** The first REGISTER (or one after a failure) is under way. */
        REGISTERING,
        /** The registrar accepted; refreshes keep this state. */
        REGISTERED,
        /** Refused, unanswered, or not allowed ({@code Restricted_Access_Domains}); retried after Reg_Retry_Intvl. */
        FAILED
    }
}
