package org.spaprov.tftp;

/**
 * Receives one {@link TftpTransferEvent} per request. Called on Netty event-loop or virtual
 * threads: implementations must be thread-safe, fast, must not block and should not throw (an
 * exception is logged and otherwise ignored).
 */
@FunctionalInterface
public interface TftpTransferListener {

    /** Ignores every event. */
    TftpTransferListener NONE = event -> { };

    void transferEnded(TftpTransferEvent event);
}
