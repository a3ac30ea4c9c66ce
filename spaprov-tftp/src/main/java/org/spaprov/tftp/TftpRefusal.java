package org.spaprov.tftp;

/**
 * Why the server refuses a request: the TFTP error code, the message sent to the client (short and generic: the
 * client may be anyone, so no paths, names or lengths of ours), and the detail for the server's own event and log.
 *
 * @param code    the error code sent
 * @param message the error text sent to the client
 * @param detail  why, for the {@link TftpTransferEvent} (never sent); the message when not given
 */
public record TftpRefusal(TftpErrorCode code, String message, String detail) {

    public TftpRefusal {
        if (code == null) {
            throw new IllegalArgumentException("code is required");
        }
        message = message == null ? "" : message;
        detail = detail == null || detail.isEmpty() ? message : detail;
    }

    /** A refusal whose detail is its message. */
    public TftpRefusal(TftpErrorCode code, String message) {
        this(code, message, message);
    }

    /** The same refusal with {@code value} as its detail. */
    public TftpRefusal withDetail(String value) {
        return new TftpRefusal(code, message, value);
    }

    public static TftpRefusal notFound(String message) {
        return new TftpRefusal(TftpErrorCode.FILE_NOT_FOUND, message);
    }

    public static TftpRefusal accessViolation(String message) {
        return new TftpRefusal(TftpErrorCode.ACCESS_VIOLATION, message);
    }

    public static TftpRefusal notDefined(String message) {
        return new TftpRefusal(TftpErrorCode.NOT_DEFINED, message);
    }
}
