package org.spaprov.server.provision;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a {@link ProvisionRequest}. {@code status} is HTTP-like (200, 304, 403, 404, 429,
 * 500); the TFTP transport maps anything but 200 to an ERROR packet (404 → code 1 "File not found",
 * 403 → code 2 "Access violation", others → code 0 with {@link #reason()}). Immutable; {@code body}
 * must not be modified by callers.
 *
 * @param status      HTTP-like status
 * @param body        the bytes to send (empty unless 200)
 * @param contentType MIME type of the body ({@code text/xml}, {@code application/octet-stream})
 * @param etag        quoted strong validator of the body, or {@code ""} when there is none
 * @param reason      one line for logs and error bodies; never carries a secret
 * @param deviceMac   the device the request was attributed to, when known
 */
public record ProvisionResult(int status, byte[] body, String contentType, String etag, String reason,
        Optional<String> deviceMac) {
    private static final byte[] NONE = new byte[0];

    public ProvisionResult {
        body = body == null ? NONE : body;
        contentType = contentType == null ? "text/plain" : contentType;
        etag = etag == null ? "" : etag;
        reason = Objects.requireNonNullElse(reason, "");
        deviceMac = deviceMac == null ? Optional.empty() : deviceMac;
    }

    public static ProvisionResult ok(byte[] body, String contentType, String etag, String reason, Optional<String> mac) {
        return new ProvisionResult(200, body, contentType, etag, reason, mac);
    }

    public static ProvisionResult notModified(String etag, Optional<String> mac) {
        return new ProvisionResult(304, NONE, "text/plain", etag, "not modified", mac);
    }

    /** An error answer with no body. */
    public static ProvisionResult error(int status, String reason, Optional<String> mac) {
        return new ProvisionResult(status, NONE, "text/plain", "", reason, mac);
    }

    public boolean isOk() {
        return status == 200;
    }
}
