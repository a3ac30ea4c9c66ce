package org.spaprov.server.provision;

/**
 * Accepts a report upload (HTTP POST/PUT or TFTP WRQ) and stores it in the site's report folder.
 * Returns an HTTP-like status: 200 stored, 403 refused (not authenticated for the device, identity
 * mismatch, bad path), 413 too large, 500 could not store. Thread-safe; records one event per upload.
 */
@FunctionalInterface
public interface ReportSink {
    int accept(ProvisionRequest request, byte[] body);

    /**
     * Whether an upload under this request could be accepted at all, decided before any byte of the
     * body is read (a TFTP WRQ refused here costs no buffer): 200 when it names a known device and
     * the request can still prove itself (the device's client certificate, or a body encrypted with
     * the device's key), else 403. {@link #accept} decides again on the whole body. Records nothing.
     */
    default int admit(ProvisionRequest request) {
        return 200;
    }
}
