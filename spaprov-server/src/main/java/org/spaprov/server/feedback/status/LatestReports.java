package org.spaprov.server.feedback.status;

import java.time.Instant;
import java.util.Optional;

/**
 * What the status needs of a device's reports: when its latest comparable report came, and how many
 * parameters in it differ from the intended profile (the drift engineer's {@code DriftService}).
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface LatestReports {
    /** No reports known: {@code applied} stops at {@code acknowledged}. */
    LatestReports NONE = mac -> Optional.empty();

    /** The latest comparable report of {@code mac}, if any. */
    Optional<Verdict> latest(String mac);

    /** A report: when it was received, and how many parameters differ (0: the device runs what it should). */
    record Verdict(Instant at, int drift) {
    }
}
