package org.spaprov.server.provision;

import java.time.Instant;

/**
 * Told of every report {@link ReportStore} accepted (authenticated for the device, decrypted), so
 * feedback can keep and read it without the request chain knowing about feedback. Called on the
 * transport's thread: must not block for long, must not throw.
 */
@FunctionalInterface
public interface ReportListener {
    /**
     * @param mac     the device the report is from (its certificate's MAC, else the file name's)
     * @param at      when it was received (the store's clock)
     * @param source  how it came: {@code "<scheme> <address> <file name>"}
     * @param content the report as the device sent it, decrypted when it was encrypted with its key
     */
    void accepted(String mac, Instant at, String source, byte[] content);
}
