package org.spaprov.tftp;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;

/**
 * One finished (or refused) TFTP request, reported by {@link TftpServer} to its
 * {@link TftpTransferListener}.
 *
 * @param client    the client's address and port
 * @param direction READ for RRQ, WRITE for WRQ, UNKNOWN when the request could not be decoded
 * @param path      the requested path as the client sent it (empty when undecodable)
 * @param outcome   how it ended
 * @param bytes     bytes sent (READ) or received (WRITE) as DATA payload
 * @param started   when the request arrived
 * @param duration  from the request to the end
 * @param detail    the reason for anything but COMPLETED (the ERROR text sent or received); never content
 */
public record TftpTransferEvent(InetSocketAddress client, Direction direction, String path, Outcome outcome,
                                long bytes, Instant started, Duration duration, String detail) {

    public enum Direction { READ, WRITE, UNKNOWN }

    public enum Outcome {
        /** All data transferred and acknowledged. */
        COMPLETED,
        /** Refused by path policy, option checks, the source/sink, or the concurrency limit. */
        REFUSED,
        /** The request datagram was malformed. */
        MALFORMED,
        /** The client stopped answering (retries exhausted). */
        TIMED_OUT,
        /** The client sent an ERROR packet. */
        PEER_ERROR,
        /** The client broke the protocol during the transfer. */
        PROTOCOL_ERROR,
        /** An upload exceeded the size limit. */
        TOO_LARGE,
        /** A server-side failure (source or sink threw, socket error, shutdown). */
        FAILED
    }
}
