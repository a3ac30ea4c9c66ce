package org.spaprov.device.fetch;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.spaprov.device.ClientCredentials;

/**
 * HTTPS trust of a device (SPEC §9, §15.22): the CA it trusts (standing in for the Linksys root
 * built into firmware; empty = HTTPS always fails), its client certificate, and the resolver used
 * for the CN host check.
 */
public record TlsSettings(List<X509Certificate> trustedCas, Optional<ClientCredentials> client, HostResolver resolver) {
    public static final TlsSettings NONE = new TlsSettings(List.of(), Optional.empty(), HostResolver.SYSTEM);

    public TlsSettings {
        trustedCas = List.copyOf(trustedCas);
        client = client == null ? Optional.empty() : client;
        resolver = resolver == null ? HostResolver.SYSTEM : resolver;
    }

    public TlsSettings withClient(Optional<ClientCredentials> c) {
        return new TlsSettings(trustedCas, c, resolver);
    }
}
