package org.spaprov.device.fetch;

/** The outcome of a download. */
public sealed interface FetchResult {
    /** The body, and the address that sent it. */
    record Ok(byte[] body, java.net.InetAddress from) implements FetchResult { }

    /** A failure; {@code detail} is for logs (never secrets), {@code error.err()} is the $ERR. */
    record Failed(FetchError error, String detail) implements FetchResult { }
}
