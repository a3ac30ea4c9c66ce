package org.spaprov.cli.server;

import java.util.Locale;
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
 * certificate over HTTPS. A fleet shares one transport, so the device is recognised by the serial in its
 * User-Agent ({@code Linksys/SPA-2102-5.1.10 (SN0E08DE000001)}: the emulator's serial is {@code SN} + the last
 * ten hex digits of the MAC). Thread-safe.
 */
final class PerDeviceCertificates implements Transport {
    private final FetchSettings fetch;
    private final TlsSettings tls;
    private final String macPrefix;
    private final Map<String, ClientCredentials> credentials;
    private final Transport shared;
    private final Map<String, Transport> perDevice = new ConcurrentHashMap<>();

    PerDeviceCertificates(FetchSettings fetch, TlsSettings tls, String macBase,
            Map<String, ClientCredentials> credentials) {
        this.fetch = fetch;
        this.tls = tls;
        this.macPrefix = macBase.substring(0, 2);
        this.credentials = Map.copyOf(credentials);
        this.shared = Transports.network(fetch, tls);
    }

    @Override
    public FetchResult fetch(FetchRequest r) {
        if (!r.scheme().equals("https")) {
            return shared.fetch(r);
        }
        String mac = macOf(r.userAgent());
        ClientCredentials c = mac == null ? null : credentials.get(mac);
        if (c == null) {
            return shared.fetch(r);
        }
        return perDevice.computeIfAbsent(mac, m -> Transports.network(fetch, tls.withClient(Optional.of(c)))).fetch(r);
    }

    private String macOf(String userAgent) {
        int open = userAgent == null ? -1 : userAgent.lastIndexOf("(SN");
        int close = open < 0 ? -1 : userAgent.indexOf(')', open);
        if (close - open != 13) {
            return null;
        }
        return macPrefix + userAgent.substring(open + 3, close).toLowerCase(Locale.ROOT);
    }
}
