package org.spaprov.tftp;

/**
 * A TFTP error code (RFC 1350 §5 and RFC 2347 §4). An open enum: the named constants cover
 * codes 0–8, and {@link #valueOf(int)} keeps any other code a peer sends.
 */
public record TftpErrorCode(int code) {

    public static final TftpErrorCode NOT_DEFINED = new TftpErrorCode(0);
    public static final TftpErrorCode FILE_NOT_FOUND = new TftpErrorCode(1);
    public static final TftpErrorCode ACCESS_VIOLATION = new TftpErrorCode(2);
    public static final TftpErrorCode DISK_FULL = new TftpErrorCode(3);
    public static final TftpErrorCode ILLEGAL_OPERATION = new TftpErrorCode(4);
    public static final TftpErrorCode UNKNOWN_TID = new TftpErrorCode(5);
    public static final TftpErrorCode FILE_EXISTS = new TftpErrorCode(6);
    public static final TftpErrorCode NO_SUCH_USER = new TftpErrorCode(7);
    /** RFC 2347: the request or the OACK was refused because of its options. */
    public static final TftpErrorCode OPTION_REFUSED = new TftpErrorCode(8);

    private static final TftpErrorCode[] KNOWN = {NOT_DEFINED, FILE_NOT_FOUND, ACCESS_VIOLATION,
        DISK_FULL, ILLEGAL_OPERATION, UNKNOWN_TID, FILE_EXISTS, NO_SUCH_USER, OPTION_REFUSED};
    private static final String[] DESCRIPTIONS = {"not defined", "file not found", "access violation",
        "disk full or allocation exceeded", "illegal TFTP operation", "unknown transfer ID",
        "file already exists", "no such user", "option negotiation refused"};

    public TftpErrorCode {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("TFTP error code out of range: " + code);
        }
    }

    /** The constant for a known code, else a new value carrying the code. */
    public static TftpErrorCode valueOf(int code) {
        return code >= 0 && code < KNOWN.length ? KNOWN[code] : new TftpErrorCode(code);
    }

    /** A short English description of the code. */
    public String description() {
        return code < DESCRIPTIONS.length ? DESCRIPTIONS[code] : "error " + code;
    }

    @Override
    public String toString() {
        return code + " (" + description() + ")";
    }
}
