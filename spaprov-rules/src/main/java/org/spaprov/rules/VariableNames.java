package org.spaprov.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The macro variables of SPEC §4.3: their names, what they expand to, and how device parameters
 * feed them ({@code GPP_A} → {@code $A}, {@code GPP_SA} → {@code $SA}, {@code User_ID_1_} →
 * {@code $UID1}). A name in this table that the {@link Variables} do not supply expands to the
 * empty string (except {@code UPGCOND}, which is {@code true} as on firmware ≥ 2.0.6, and
 * {@code METH}, which falls back to {@code SCHEME}); a name not in the table is left as written.
 */
public final class VariableNames {
    /** Names of the secret registers, expanded only inside {@code --key}. */
    public static final Set<String> SECRET = Set.of("SA", "SB", "SC", "SD");

    private static final Map<String, String> TABLE = table();

    private VariableNames() {
    }

    private static Map<String, String> table() {
        Map<String, String> t = new LinkedHashMap<>();
        for (char c = 'A'; c <= 'P'; c++) {
            t.put(String.valueOf(c), "contents of GPP_" + c);
        }
        for (String s : new String[] {"SA", "SB", "SC", "SD"}) {
            t.put(s, "contents of GPP_" + s + " (only inside --key)");
        }
        t.put("MA", "MAC address, lower-case hex, no separators (000e08aabbcc)");
        t.put("MAU", "MAC address, upper-case hex (000E08AABBCC)");
        t.put("MAC", "MAC address, lower-case, colon-separated (00:0e:08:aa:bb:cc)");
        t.put("PN", "product name (SPA2102)");
        t.put("PSN", "product series number (2102)");
        t.put("SN", "serial number");
        t.put("CCERT", "client certificate status (Installed / Not Installed)");
        t.put("IP", "device IP address in its local subnet");
        t.put("EXTIP", "external IP address as seen on the Internet");
        t.put("SWVER", "software version (2.0.6(b))");
        t.put("HWVER", "hardware version (1.88.1)");
        t.put("PRVST", "provisioning state: -1 requested, 0 power-up, 1 periodic, 2 retry");
        t.put("UPGST", "upgrade state: 1 first attempt, 2 retry");
        t.put("UPGERR", "ERR text of the previous upgrade attempt");
        t.put("PRVTMR", "seconds since the last resync attempt");
        t.put("UPGTMR", "seconds since the last upgrade attempt");
        t.put("REGTMR1", "seconds since Line 1 lost registration (0 while registered)");
        t.put("REGTMR2", "seconds since Line 2 lost registration (0 while registered)");
        t.put("UPGCOND", "legacy; always true");
        t.put("SCHEME", "tftp, http or https of the URL being fetched");
        t.put("METH", "deprecated alias of SCHEME");
        t.put("SERV", "host name of the URL being fetched");
        t.put("SERVIP", "IP address of the URL's host");
        t.put("PORT", "port of the URL being fetched");
        t.put("PATH", "path of the URL being fetched");
        t.put("ERR", "result message of the resync or upgrade attempt");
        t.put("UID1", "Line 1 User_ID");
        t.put("UID2", "Line 2 User_ID");
        t.put("ISCUST", "1 if the unit is customized, else 0");
        return Collections.unmodifiableMap(t);
    }

    /** Every known name (without {@code $}) with a one-line description, in table order. */
    public static Map<String, String> all() {
        return TABLE;
    }

    /** True when {@code name} is in the table (case-sensitive). */
    public static boolean isKnown(String name) {
        return TABLE.containsKey(name);
    }

    /** The value of a known name that the device did not supply. */
    static String fallback(String name, Variables v) {
        return switch (name) {
            case "UPGCOND" -> "true";
            case "METH" -> v.get("SCHEME").orElse("");
            default -> "";
        };
    }

    /**
     * The variable a device parameter feeds: {@code GPP_A}..{@code GPP_P} → {@code A}..{@code P},
     * {@code GPP_SA}..{@code GPP_SD} → {@code SA}..{@code SD}, {@code User_ID_1_}/{@code _2_} →
     * {@code UID1}/{@code UID2}; empty for every other parameter.
     */
    public static Optional<String> forParam(String xmlName) {
        if (xmlName.startsWith("GPP_")) {
            String r = xmlName.substring(4);
            if (r.length() == 1 && r.charAt(0) >= 'A' && r.charAt(0) <= 'P' || SECRET.contains(r)) {
                return Optional.of(r);
            }
            return Optional.empty();
        }
        return switch (xmlName) {
            case "User_ID_1_" -> Optional.of("UID1");
            case "User_ID_2_" -> Optional.of("UID2");
            default -> Optional.empty();
        };
    }

    /** The XML parameter name of a one-letter GPP register name {@code a}..{@code p}. */
    public static String gppParam(char letter) {
        if (letter < 'a' || letter > 'p') {
            throw new IllegalArgumentException("GPP registers are a..p");
        }
        return "GPP_" + Character.toUpperCase(letter);
    }
}
