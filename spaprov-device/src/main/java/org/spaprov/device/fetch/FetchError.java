package org.spaprov.device.fetch;

/** Why a download failed, with the exact {@code $ERR} text of SPEC §15.23. */
public enum FetchError {
    FILE_NOT_FOUND("file not found"),
    TFTP_GET_FAILED("tftp_get failed"),
    HTTP_GET_FAILED("http_get failed"),
    HTTPS_GET_FAILED("https_get failed"),
    DNS_LOOKUP_FAILED("dns lookup failed"),
    CONNECT_FAILED("connect failed"),
    TIMEOUT("timeout"),
    BAD_URL("bad url"),
    /** Restricted_Access_Domains refuses the host (SPEC §15.16). */
    DOMAIN_NOT_ALLOWED("domain not allowed"),
    /** v3.0 firmware does not upgrade over HTTPS (SPEC §15.22). */
    HTTPS_NOT_FOR_UPGRADE("https not supported for upgrade");

    private final String err;

    FetchError(String err) {
        this.err = err;
    }

    /** The $ERR string. */
    public String err() {
        return err;
    }

    /** The "get failed" error of a scheme. */
    public static FetchError getFailed(String scheme) {
        return switch (scheme) {
            case "https" -> HTTPS_GET_FAILED;
            case "http" -> HTTP_GET_FAILED;
            default -> TFTP_GET_FAILED;
        };
    }
}
