package org.spaprov.tftp;

import java.util.Locale;

/** Transfer modes of RFC 1350 §1 that spaprov speaks; {@code mail} is obsolete and refused. */
public enum TftpMode {
    /** NVT ASCII: line ends are CR LF on the wire, a lone CR is CR NUL (RFC 764). */
    NETASCII("netascii"),
    /** Raw 8-bit bytes. */
    OCTET("octet");

    private final String wire;

    TftpMode(String wire) {
        this.wire = wire;
    }

    /** The mode as written in a request. */
    public String wire() {
        return wire;
    }

    /** Parses a mode case-insensitively; {@code null} when it is not one of ours. */
    public static TftpMode parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "netascii" -> NETASCII;
            case "octet" -> OCTET;
            default -> null;
        };
    }
}
