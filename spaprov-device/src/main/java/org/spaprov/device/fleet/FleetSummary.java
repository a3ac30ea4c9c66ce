package org.spaprov.device.fleet;

import java.util.Map;

/**
 * What a fleet run did.
 *
 * @param devices        devices in the fleet
 * @param devicesDone    devices that finished at least one resync sequence
 * @param successes      successful resync sequences
 * @param failures       failed resync sequences by $ERR
 * @param requests       downloads attempted (every URL of every sequence)
 * @param elapsedSeconds real seconds since power-on
 * @param p50Millis      download latency percentiles (real milliseconds)
 * @param heapBytesPerDevice heap in use after GC divided by the device count, measured after power-on
 */
public record FleetSummary(int devices, long devicesDone, long successes, Map<String, Long> failures, long requests,
                           double elapsedSeconds, double p50Millis, double p90Millis, double p99Millis, double maxMillis,
                           long heapBytesPerDevice) {
    public FleetSummary {
        failures = Map.copyOf(failures);
    }

    public double requestsPerSecond() {
        return elapsedSeconds <= 0 ? 0 : requests / elapsedSeconds;
    }

    public long failureCount() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Devices that fit in one GiB of heap at {@link #heapBytesPerDevice}. */
    public long devicesPerGiB() {
        return heapBytesPerDevice <= 0 ? 0 : (1L << 30) / heapBytesPerDevice;
    }
}
