package org.spaprov.cli.server;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.spaprov.device.ClientCredentials;
import org.spaprov.device.fetch.FetchRequest;
import org.spaprov.device.fetch.FetchResult;
import org.spaprov.device.fetch.FetchSettings;
import org.spaprov.device.fetch.TlsSettings;
import org.spaprov.device.fetch.Transport;
import org.spaprov.device.fetch.Transports;

/**
 * The demo fleet's network: like {@link Transports#network}, but each device presents its own client
 * certificate over HTTPS. A fleet shares one transport; the request names the device asking. Thread-safe.
 */
final class PerDeviceCertificates implements Transport {
    private final FetchSettings fetch;
    private final TlsSettings tls;
    private final Map<String, ClientCredentials> credentials;
    private final Transport shared;
    private final Map<String, Transport> perDevice = new ConcurrentHashMap<>();

    PerDeviceCertificates(FetchSettings fetch, TlsSettings tls, Map<String, ClientCredentials> credentials) {
        this.fetch = fetch;
        this.tls = tls;
        this.credentials = Map.copyOf(credentials);
        this.shared = Transports.network(fetch, tls);
    }

    @Override
    public FetchResult fetch(FetchRequest r) {
        if (!r.scheme().equals("https")) {
            return shared.fetch(r);
        }
        String mac = r.device().mac();
        ClientCredentials c = credentials.get(mac);
        if (c == null) {
            return shared.fetch(r);
        }
        return perDevice.computeIfAbsent(mac, m -> Transports.network(fetch, tls.withClient(Optional.of(c)))).fetch(r);
    }
}
