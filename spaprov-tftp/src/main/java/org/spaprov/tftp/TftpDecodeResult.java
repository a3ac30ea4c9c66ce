package org.spaprov.tftp;

/**
 * What {@link TftpCodec#decode} made of a datagram: a packet, or the reason it is malformed and the
 * error code to answer with (RFC 1350 code 4 for malformed packets, RFC 2347 code 8 for option
 * abuse).
 */
public sealed interface TftpDecodeResult permits TftpDecodeResult.Decoded, TftpDecodeResult.Malformed {

    /** A well-formed packet. */
    record Decoded(TftpPacket packet) implements TftpDecodeResult {
    }

    /** A malformed datagram: answer with {@code ERROR code reason}. */
    record Malformed(TftpErrorCode code, String reason) implements TftpDecodeResult {
    }
}
