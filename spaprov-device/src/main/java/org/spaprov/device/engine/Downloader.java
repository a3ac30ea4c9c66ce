package org.spaprov.device.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.spaprov.device.DeviceEvents;
import org.spaprov.device.DeviceIdentity;
import org.spaprov.device.fetch.FetchError;
import org.spaprov.device.fetch.FetchRequest;
import org.spaprov.device.fetch.FetchResult;
import org.spaprov.device.policy.DomainPolicy;
import org.spaprov.rules.RuleUrl;

/**
 * One download of a resync or an upgrade (SPEC §6.3): sets the URL variables, checks the host
 * against Restricted_Access_Domains, resolves it, fires the request event (whose message shows
 * the URL), then fetches. Never throws: every failure is a {@link FetchResult.Failed}.
 */
final class Downloader {
    private final DeviceIdentity identity;
    private final Network network;
    private final EngineVariables vars;
    private final DeviceEvents events;

    Downloader(DeviceIdentity identity, Network network, EngineVariables vars, DeviceEvents events) {
        this.identity = identity;
        this.network = network;
        this.vars = vars;
        this.events = events;
    }

    /** The URL with the DHCP option-66 server standing in for a missing host, as logs and loop protection see it. */
    String effective(RuleUrl u) {
        return u.scheme() + "://" + u.host().or(network::dhcpTftpServer).orElse("") + ":" + u.port() + u.path();
    }

    /**
     * @param restrictedDomains the Restricted_Access_Domains value
     * @param upgrade           a firmware download (upgrade events, no HTTPS) rather than a profile
     */
    FetchResult fetch(RuleUrl t, Optional<byte[]> body, long max, boolean upgrade, String restrictedDomains) {
        Optional<String> host = t.host().or(network::dhcpTftpServer);
        vars.update(r -> {
            r.scheme = t.scheme();
            r.serv = host.orElse("");
            r.servip = "";
            r.port = Integer.toString(t.port());
            r.path = t.path();
        });
        if (host.isEmpty()) {
            requestEvent(upgrade);
            return new FetchResult.Failed(FetchError.BAD_URL, "no server and no DHCP option 66");
        }
        if (!DomainPolicy.allowed(host.get(), restrictedDomains)) {
            requestEvent(upgrade);
            return new FetchResult.Failed(FetchError.DOMAIN_NOT_ALLOWED, host.get());
        }
        List<InetAddress> addrs;
        try {
            addrs = network.resolver().resolve(host.get());
        } catch (UnknownHostException | RuntimeException e) {
            requestEvent(upgrade);
            return new FetchResult.Failed(FetchError.DNS_LOOKUP_FAILED, host.get());
        }
        vars.update(r -> r.servip = addrs.get(0).getHostAddress());
        requestEvent(upgrade);
        if (upgrade && t.scheme().equals("https")) {
            return new FetchResult.Failed(FetchError.HTTPS_NOT_FOR_UPGRADE, t.path());
        }
        return network.transport().fetch(new FetchRequest(identity, t.scheme(), host.get(), addrs, t.port(), t.path(),
                body, vars.userAgent(), max));
    }

    private void requestEvent(boolean upgrade) {
        if (upgrade) {
            events.upgradeRequest(vars.snapshot());
        } else {
            events.resyncRequest(vars.snapshot());
        }
    }
}
