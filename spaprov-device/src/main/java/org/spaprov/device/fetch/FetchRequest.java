package org.spaprov.device.fetch;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.spaprov.device.DeviceIdentity;

/**
 * One download: the device asking (so a transport shared by a fleet knows whose credentials to
 * use), the URL parts, the addresses DNS gave for the host (tried in order until one answers,
 * SPEC §6.3), an optional POST body, the User-Agent and a size limit.
 *
 * @param host      the host as written in the URL (name or IP literal), for HTTPS name checks
 * @param addresses resolved addresses, in DNS order, never empty
 */
public record FetchRequest(DeviceIdentity device, String scheme, String host, List<InetAddress> addresses, int port,
                           String path, Optional<byte[]> postBody, String userAgent, long maxBytes) {
    public FetchRequest {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(scheme, "scheme");
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("no address to fetch from");
        }
        postBody = postBody == null ? Optional.empty() : postBody;
    }
}
