package org.spaprov.device.policy;

import java.util.Locale;

/**
 * {@code Restricted_Access_Domains} (SPEC §15.16): when the parameter is non-empty, the device only
 * talks to hosts that equal one of its comma-separated domain names or are a subdomain of one; IP
 * literal hosts are refused too. An empty (or blank) list allows every host.
 *
 * <p>Matching is case-insensitive, ignores a trailing root dot and a leading dot on list entries,
 * and works on whole labels: {@code evilexample.com} is not a subdomain of {@code example.com}.
 * Pure and thread-safe.
 */
public final class DomainPolicy {
    private DomainPolicy() {
    }

    /**
     * True when the device may contact {@code host} under the given {@code Restricted_Access_Domains}
     * value.
     *
     * @param host the URL host (a name, an IPv4 literal, or an IPv6 literal with or without brackets);
     *        null or empty counts as "no host" and is refused when the list is non-empty
     * @param restrictedAccessDomains the parameter value; null or blank means unrestricted
     */
    public static boolean allowed(String host, String restrictedAccessDomains) {
        if (restrictedAccessDomains == null || restrictedAccessDomains.isBlank()) {
            return true;
        }
        String h = normalise(host);
        if (h.isEmpty() || isIpLiteral(h)) {
            return false;
        }
        for (String entry : restrictedAccessDomains.split(",")) {
            String d = normalise(entry);
            while (d.startsWith(".")) {
                d = d.substring(1);
            }
            if (d.isEmpty()) {
                continue;
            }
            if (h.equals(d) || h.endsWith("." + d)) {
                return true;
            }
        }
        return false;
    }

    /** True for an IPv4 dotted quad or any IPv6 literal (bracketed or not). */
    public static boolean isIpLiteral(String host) {
        String h = host == null ? "" : host.strip();
        if (h.startsWith("[") || h.indexOf(':') >= 0) {
            return true;
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    private static String normalise(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip().toLowerCase(Locale.ROOT);
        // "example.com." is the same name as "example.com"
        while (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }
}
