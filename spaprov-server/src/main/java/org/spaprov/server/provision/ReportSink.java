package org.spaprov.server.provision;

/**
 * Accepts a report upload (HTTP POST/PUT or TFTP WRQ) and stores it in the site's report folder.
 * Returns an HTTP-like status: 200 stored, 403 refused (identity mismatch, bad path), 413 too large,
 * 500 could not store. Thread-safe; records one event per upload.
 */
@FunctionalInterface
public interface ReportSink {
    int accept(ProvisionRequest request, byte[] body);
}
