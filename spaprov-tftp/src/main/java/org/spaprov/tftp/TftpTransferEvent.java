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
 * @param detail    the reason for anything but COMPLETED (the refusal's detail, or the ERROR text sent or
 *                  received); never content
 * @param context   what the {@link TftpFileSource} or the {@link TftpUploadSink}'s admission attached to this
 *                  request ({@link TftpReadResult#context()}, {@link UploadAdmission#context()}); null when they
 *                  were not asked or attached nothing
 */
public record TftpTransferEvent(InetSocketAddress client, Direction direction, String path, Outcome outcome,
                                long bytes, Instant started, Duration duration, String detail, Object context) {

    public enum Direction { READ, WRITE, UNKNOWN }

    public enum Outcome {
        /** All data transferred and acknowledged. */
        COMPLETED,
        /** Refused by path policy, option checks, the source/sink, or the concurrency limit. */
        REFUSED,
        /** The request datagram was malformed. */
        MALFORMED,
        /**
         * The client stopped answering: retries exhausted, or the transfer stalled while its address already had
         * {@link TftpServerConfig.PeerLimits#stalledPerAddress()} stalled transfers.
         */
        TIMED_OUT,
        /** The client sent an ERROR packet. */
        PEER_ERROR,
        /** The client broke the protocol during the transfer. */
        PROTOCOL_ERROR,
        /** An upload exceeded its size limit, or the total of buffered uploads. */
        TOO_LARGE,
        /**
         * An upload received in full that the sink's {@link TftpUploadSink#store} refused (its ERROR went instead
         * of the final ACK); the sink has seen it.
         */
        STORE_REFUSED,
        /** A server-side failure (source or sink threw, socket error, shutdown). */
        FAILED
    }
}
