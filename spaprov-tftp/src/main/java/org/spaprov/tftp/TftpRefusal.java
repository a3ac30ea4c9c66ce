package org.spaprov.tftp;

/**
 * Why the server refuses a request: the TFTP error code and the message sent to the client
 * (keep it short, no secrets).
 */
public record TftpRefusal(TftpErrorCode code, String message) {

    public TftpRefusal {
        if (code == null) {
            throw new IllegalArgumentException("code is required");
        }
        message = message == null ? "" : message;
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
