package org.spaprov.server.push;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import org.spaprov.profile.Profile;
import org.spaprov.server.config.ServerConfig;
import org.spaprov.server.device.DeviceRecord;
import org.spaprov.server.store.Contact;

/**
 * Where and how to reach one device: over SIP, its last contact address and {@code SIP_Port_1_} (or
 * the configured {@code push.sip-proxy}), as Request-URI user {@code User_ID_1_} (else the MAC), with
 * {@code Auth_ID_1_} (else {@code User_ID_1_}) and {@code Password_1_} for the challenge; over HTTP, its
 * web port with user {@code admin} and {@code Admin_Passwd}. Values come from the device's effective
 * profile. Pure.
 */
final class PushTargets {
    /** How a device is reached, or why it cannot be. */
    sealed interface Resolved {
        /** Devices with the same key share a source address (a NAT) and are pushed one at a time. */
        String sourceKey();
    }

    record Sip(NotifySender.Target target, String sourceKey) implements Resolved {
    }

    record Http(URI uri, Optional<NotifySender.Credentials> credentials, String sourceKey) implements Resolved {
    }

    record Unreachable(String reason, String sourceKey) implements Resolved {
    }

    private PushTargets() {
    }

    static Resolved sip(DeviceRecord d, Profile p, Optional<Contact> contact, ServerConfig.Push config) {
        String key = contact.map(Contact::address).orElse(d.mac());
        InetSocketAddress address;
        if (config.sipProxy().isPresent()) {
            Optional<InetSocketAddress> proxy = hostPort(config.sipProxy().get(), 5060);
            if (proxy.isEmpty()) {
                return new Unreachable("push.sip-proxy " + config.sipProxy().get() + " does not resolve", key);
            }
            address = proxy.get();
        } else {
            if (contact.isEmpty()) {
                return new Unreachable("never seen: no address to send to", key);
            }
            int port = port(value(p, "SIP_Port_1_"), 5060);
            Optional<InetAddress> a = address(contact.get().address());
            if (a.isEmpty()) {
                return new Unreachable("last contact address " + contact.get().address() + " is not an IP address", key);
            }
            address = new InetSocketAddress(a.get(), port);
        }
        String userId = value(p, "User_ID_1_");
        String authId = value(p, "Auth_ID_1_");
        String authUser = authId.isEmpty() ? userId : authId;
        String password = value(p, "Password_1_");
        Optional<NotifySender.Credentials> creds = authUser.isEmpty() && password.isEmpty() ? Optional.empty()
                : Optional.of(new NotifySender.Credentials(authUser, password));
        return new Sip(new NotifySender.Target(address, userId.isEmpty() ? d.mac() : userId, creds), key);
    }

    static Resolved http(DeviceRecord d, Profile p, Optional<Contact> contact, ServerConfig.Push config,
            PushAction action) {
        String key = contact.map(Contact::address).orElse(d.mac());
        if (!config.http()) {
            return new Unreachable("HTTP push is off (push.http: false in spaprov.yaml)", key);
        }
        if (action.httpPath().isEmpty()) {
            return new Unreachable(action.apiName() + " has no HTTP form: use via sip", key);
        }
        if (contact.isEmpty()) {
            return new Unreachable("never seen: no address to send to", key);
        }
        Optional<InetAddress> a = address(contact.get().address());
        if (a.isEmpty()) {
            return new Unreachable("last contact address " + contact.get().address() + " is not an IP address", key);
        }
        String host = a.get().getHostAddress();
        URI uri = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + config.httpPort()
                + action.httpPath().get());
        String password = value(p, "Admin_Passwd");
        return new Http(uri, password.isEmpty() ? Optional.empty()
                : Optional.of(new NotifySender.Credentials("admin", password)), key);
    }

    private static String value(Profile p, String name) {
        String v = p.value(name);
        return v == null ? "" : v.strip();
    }

    private static int port(String s, int dflt) {
        return s.matches("[0-9]{1,5}") && Integer.parseInt(s) > 0 && Integer.parseInt(s) < 65536 ? Integer.parseInt(s)
                : dflt;
    }

    /** A literal IP address only: a contact address is never looked up in DNS. */
    private static Optional<InetAddress> address(String literal) {
        if (literal == null || !literal.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Optional<InetSocketAddress> hostPort(String s, int dflt) {
        String host = s;
        int port = dflt;
        int colon = s.lastIndexOf(':');
        if (colon > 0 && s.indexOf(']') < colon && s.substring(colon + 1).matches("[0-9]{1,5}")) {
            host = s.substring(0, colon);
            port = Integer.parseInt(s.substring(colon + 1));
        }
        host = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            return Optional.of(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
