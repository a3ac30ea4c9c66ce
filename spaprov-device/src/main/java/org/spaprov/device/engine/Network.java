package org.spaprov.device.engine;

import java.util.Objects;
import java.util.Optional;
import org.spaprov.device.fetch.HostResolver;
import org.spaprov.device.fetch.Transport;
import org.spaprov.device.net.NetworkState;

/**
 * How a device reaches its servers.
 *
 * @param transport      downloads by scheme (TFTP, HTTP, HTTPS)
 * @param resolver       DNS, asked on every attempt (SPEC §6.3)
 * @param dhcpTftpServer the TFTP server of DHCP option 66, used when a URL names none (SPEC §15.14)
 * @param ip             the device's own address ({@code $IP})
 * @param state          {@code $EXTIP} and {@code $REGTMR1/2} (STUN, SIP registration); {@link NetworkState#NONE} when
 *                       not emulated
 */
public record Network(Transport transport, HostResolver resolver, Optional<String> dhcpTftpServer, String ip,
        NetworkState state) {
    public Network {
        Objects.requireNonNull(transport, "transport");
        resolver = resolver == null ? HostResolver.SYSTEM : resolver;
        dhcpTftpServer = dhcpTftpServer == null ? Optional.empty() : dhcpTftpServer.filter(h -> !h.isBlank());
        ip = ip == null ? "127.0.0.1" : ip;
        state = state == null ? NetworkState.NONE : state;
    }
}
