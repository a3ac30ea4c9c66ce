package org.spaprov.device.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Name lookup, asked on every attempt (SPEC issue 4: "DNS names resolved on every attempt"). */
@FunctionalInterface
public interface HostResolver {
    /** The system resolver; IP literals resolve to themselves without a lookup. */
    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    /** @return addresses in DNS order, never empty */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** True for dotted-quad IPv4 or bracket-free IPv6 literals. */
    static boolean isIpLiteral(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":");
    }
}
