package org.spaprov.device.fetch;

/** Sends a request to the transport of its scheme. */
public final class Transports implements Transport {
    private final Transport tftp;
    private final Transport http;

    public Transports(Transport tftp, Transport http) {
        this.tftp = tftp;
        this.http = http;
    }

    /** TFTP and HTTP(S) over the network with {@code settings}, trusting {@code tls} for HTTPS. */
    public static Transports network(FetchSettings settings, TlsSettings tls) {
        return new Transports(new TftpTransport(settings), new HttpTransport(settings, tls));
    }

    @Override
    public FetchResult fetch(FetchRequest r) {
        return switch (r.scheme()) {
            case "tftp" -> tftp.fetch(r);
            case "http", "https" -> http.fetch(r);
            default -> new FetchResult.Failed(FetchError.BAD_URL, "scheme " + r.scheme());
        };
    }
}
