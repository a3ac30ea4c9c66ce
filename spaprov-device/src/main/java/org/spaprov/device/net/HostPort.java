package org.spaprov.device.net;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Parses the {@code host[:port]} server values of the device's parameters ({@code Syslog_Server},
 * {@code STUN_Server}, {@code Proxy_1_}): {@code host}, {@code host:port}, {@code [v6]} or
 * {@code [v6]:port}; a bare IPv6 literal has no port. The result is unresolved.
 */
public final class HostPort {
    private HostPort() {
    }

    /** The address {@code value} names, with {@code defaultPort} when it gives none; empty when malformed or blank. */
    public static Optional<InetSocketAddress> parse(String value, int defaultPort) {
        if (value == null) {
            return Optional.empty();
        }
        String t = value.strip();
        String host = t;
        int port = defaultPort;
        try {
            if (t.startsWith("[")) {
                int close = t.indexOf(']');
                if (close < 0) {
                    return Optional.empty();
                }
                host = t.substring(1, close);
                String rest = t.substring(close + 1);
                if (rest.startsWith(":")) {
                    port = Integer.parseInt(rest.substring(1));
                } else if (!rest.isEmpty()) {
                    return Optional.empty();
                }
            } else if (t.indexOf(':') >= 0 && t.indexOf(':') == t.lastIndexOf(':')) {
                host = t.substring(0, t.indexOf(':'));
                port = Integer.parseInt(t.substring(t.indexOf(':') + 1));
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (host.isEmpty() || port < 1 || port > 65535) {
            return Optional.empty();
        }
        return Optional.of(InetSocketAddress.createUnresolved(host, port));
    }
}
