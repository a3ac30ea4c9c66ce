package org.spaprov.cli.device;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spaprov.cli.UserException;
import org.spaprov.device.ClientCredentials;
import org.spaprov.device.DeviceIdentity;
import org.spaprov.device.fetch.Pem;
import org.spaprov.device.state.DeviceModel;
import org.spaprov.device.state.Models;

/** Option parsing shared by {@code emulate} and {@code fleet}: one-line user errors, no stack traces. */
final class DeviceSetup {
    private DeviceSetup() {
    }

    /**
     * Devices resolve names on every attempt (SPEC §6.3: multiply resolved servers, DNS changes);
     * the JDK would otherwise cache answers for 30 s. Must run before the first lookup.
     */
    static void resolveEveryTime() {
        java.security.Security.setProperty("networkaddress.cache.ttl", "0");
        java.security.Security.setProperty("networkaddress.cache.negative.ttl", "0");
    }

    static Map<String, String> settings(List<String> sets) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw UserException.usage("--set wants NAME=VALUE (XML name, e.g. Profile_Rule=http://host/$MA.cfg), got '"
                        + s + "'");
            }
            String name = s.substring(0, eq).trim();
            if (!name.matches("[A-Za-z][A-Za-z0-9_\\-]*")) {
                throw UserException.usage("--set: '" + name + "' is not a parameter name (use XML names like GPP_A)");
            }
            m.put(name, s.substring(eq + 1));
        }
        return m;
    }

    static DeviceModel model(String name) {
        try {
            return Models.get(name);
        } catch (IllegalArgumentException e) {
            throw UserException.usage(e.getMessage());
        }
    }

    static String mac(String mac) {
        try {
            return DeviceIdentity.normalizeMac(mac);
        } catch (IllegalArgumentException e) {
            throw UserException.usage(e.getMessage());
        }
    }

    static List<X509Certificate> cas(Path ca) {
        if (ca == null) {
            return List.of();
        }
        try {
            return Pem.certificates(ca);
        } catch (IOException e) {
            throw UserException.invalid(e.getMessage());
        }
    }

    static Optional<ClientCredentials> cert(Path cert, Path key) {
        if (cert == null && key == null) {
            return Optional.empty();
        }
        if (cert == null || key == null) {
            throw UserException.usage("--cert and --cert-key go together");
        }
        try {
            return Optional.of(new ClientCredentials(Pem.certificates(cert), Pem.privateKey(key)));
        } catch (IOException e) {
            throw UserException.invalid(e.getMessage());
        }
    }
}
