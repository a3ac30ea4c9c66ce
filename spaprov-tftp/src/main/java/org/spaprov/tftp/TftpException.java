package org.spaprov.tftp;

import java.io.IOException;
import java.util.Optional;

/**
 * A failed {@link TftpClient} transfer. {@link #kind()} says why; {@link #errorCode()} carries the
 * code of the server's ERROR packet when there was one. Messages name the server and the file and
 * never contain file content.
 */
public final class TftpException extends IOException {

    /** Why a transfer failed. */
    public enum Kind {
        /** The server answered ERROR code 1. */
        FILE_NOT_FOUND,
        /** The server answered ERROR code 2. */
        ACCESS_VIOLATION,
        /** No answer within the retransmission budget or the overall timeout. */
        TIMEOUT,
        /** The server answered another ERROR code (see {@link #errorCode()}). */
        ERROR_PACKET,
        /** The server broke the protocol (bad OACK, oversized DATA, unexpected packet, malformed datagram). */
        PROTOCOL,
        /** The file is larger than {@link TftpClientOptions#maxSize()}. */
        TOO_LARGE,
        /** A local socket error. */
        IO
    }

    private static final long serialVersionUID = 1L;

    private final Kind kind;
    private final transient TftpErrorCode errorCode;

    public TftpException(Kind kind, String message) {
        this(kind, null, message, null);
    }

    public TftpException(Kind kind, TftpErrorCode errorCode, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.errorCode = errorCode;
    }

    /** Why the transfer failed. */
    public Kind kind() {
        return kind;
    }

    /** The error code of the server's ERROR packet, if one ended the transfer. */
    public Optional<TftpErrorCode> errorCode() {
        return Optional.ofNullable(errorCode);
    }
}
