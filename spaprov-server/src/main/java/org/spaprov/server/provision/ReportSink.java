package org.spaprov.server.provision;

/**
 * Accepts a report upload (HTTP POST/PUT or TFTP WRQ) and stores it in the site's report folder.
 * Returns an HTTP-like status: 200 stored, 403 refused (identity mismatch, bad path), 413 too large,
 * 500 could not store. Thread-safe; records one event per upload.
 */
@FunctionalInterface
public interface ReportSink {
    int accept(ProvisionRequest request, byte[] body);

    /**
     * Whether an upload to {@code request}'s path may start, decided from the request alone before any byte of it
     * is received or buffered (TFTP WRQ): 200 yes, else the status {@link #accept} would answer (403: not a report
     * name of a known device). Records no event. By default every upload may start.
     */
    default int admit(ProvisionRequest request) {
        return 200;
    }
}
