package org.spaprov.tftp;

/**
 * One TFTP packet (RFC 1350 §5, RFC 2347 §2–3), decoded into a plain immutable value.
 *
 * <p>Bytes become packets and back only through {@link TftpCodec}; packets carry no buffers, so
 * they need no release. Option names are lower case; option maps keep the order of the wire.
 */
public sealed interface TftpPacket permits ReadRequest, WriteRequest, Data, Ack, ErrorPacket, OptionAck {

    /** The two-byte opcode of this packet on the wire. */
    int opcode();
}
