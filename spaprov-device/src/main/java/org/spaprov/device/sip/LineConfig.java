package org.spaprov.device.sip;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.spaprov.device.net.HostPort;
import org.spaprov.device.policy.DomainPolicy;

/**
 * What registering line {@code n} needs, read from the device's parameters: {@code Line_Enable_n_},
 * {@code Register_n_}, {@code Proxy_n_} ({@code host[:port]}, port 5060 by default),
 * {@code User_ID_n_}, {@code Password_n_}, {@code Use_Auth_ID_n_}/{@code Auth_ID_n_} and
 * {@code Register_Expires_n_}. {@code toString} leaves the password out.
 *
 * @param authUser the digest user name: {@code Auth_ID_n_} when {@code Use_Auth_ID_n_}, else the user id
 * @param expires the requested registration time in seconds (≥ 1)
 */
public record LineConfig(int line, String proxy, InetSocketAddress proxyAddress, String user, String authUser,
                         String password, int expires) {
    /** The SIP port when {@code Proxy_n_} names none. */
    public static final int SIP_PORT = 5060;

    /** Why a line is not registering, or the configuration to register with. */
    public sealed interface Reading permits Ready, Off, Refused { }

    /** Registering is configured. */
    public record Ready(LineConfig config) implements Reading { }

    /** The line is disabled, does not register, or has no proxy or user id. */
    public record Off(String why) implements Reading { }

    /** Configured, but the device may not register there ({@code Restricted_Access_Domains}, a malformed proxy). */
    public record Refused(String why) implements Reading { }

    /**
     * Reads line {@code n} from {@code param}. Line 1 obeys {@code Restricted_Access_Domains}: the
     * guide lists "SIP registration for Line 1" among what it restricts.
     */
    public static Reading read(int n, UnaryOperator<String> param) {
        String s = "_" + n + "_";
        if (!yes(param.apply("Line_Enable" + s)) || !yes(param.apply("Register" + s))) {
            return new Off("line " + n + " disabled or not registering");
        }
        String proxy = param.apply("Proxy" + s).strip();
        String user = param.apply("User_ID" + s).strip();
        if (proxy.isEmpty() || user.isEmpty()) {
            return new Off("line " + n + " has no " + (proxy.isEmpty() ? "Proxy" : "User_ID"));
        }
        Optional<InetSocketAddress> addr = HostPort.parse(proxy, SIP_PORT);
        if (addr.isEmpty()) {
            return new Refused("bad proxy");
        }
        if (n == 1 && !DomainPolicy.allowed(addr.get().getHostString(), param.apply("Restricted_Access_Domains"))) {
            return new Refused("domain not allowed");
        }
        String authUser = yes(param.apply("Use_Auth_ID" + s)) && !param.apply("Auth_ID" + s).isBlank()
                ? param.apply("Auth_ID" + s).strip() : user;
        int expires;
        try {
            expires = Math.max(1, Integer.parseInt(param.apply("Register_Expires" + s).strip()));
        } catch (NumberFormatException e) {
            expires = 3600;
        }
        return new Ready(new LineConfig(n, proxy, addr.get(), user, authUser, param.apply("Password" + s), expires));
    }

    /** The Request-URI: {@code sip:host:port}. */
    public String registrarUri() {
        return "sip:" + hostPort();
    }

    String hostPort() {
        String h = proxyAddress.getHostString();
        h = h.contains(":") ? "[" + h + "]" : h;
        return h + ":" + proxyAddress.getPort();
    }

    @Override
    public String toString() {
        return "LineConfig[line=" + line + ", proxy=" + proxy + ", user=" + user + ", expires=" + expires + "]";
    }

    private static boolean yes(String v) {
        return v != null && v.strip().equalsIgnoreCase("yes");
    }
}
