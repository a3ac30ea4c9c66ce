package org.spaprov.device.policy;

import java.util.List;
import java.util.function.Function;

/**
 * The parameters whose values must never leave the device in a log line or report
 * (SPEC §8, §15.12, §15.16, BRIEF): GPP_SA..GPP_SD, License_Keys and the passwords.
 */
public final class Secrets {
    /** Secret parameter names (XML names). */
    public static final List<String> NAMES = List.of("GPP_SA", "GPP_SB", "GPP_SC", "GPP_SD", "License_Keys",
            "Admin_Passwd", "User_Passwd", "Password_1_", "Password_2_", "Password_3_", "Password_4_");
    /** Values shorter than this are not masked (they would mangle ordinary words). */
    static final int MIN_MASKED = 4;

    private Secrets() {
    }

    /**
     * True for parameters never reported: the names above and any name containing {@code Passw}
     * ({@code Password_1_}, {@code PPPOE_Login_Password}, {@code Admin_Passwd}) or {@code Private_Key}.
     */
    public static boolean isSecret(String xmlName) {
        return NAMES.contains(xmlName) || xmlName.contains("Passw") || xmlName.contains("Private_Key");
    }

    /** {@code text} with every secret parameter value of at least 4 characters replaced by {@code ***}. */
    public static String mask(String text, Function<String, String> param) {
        String out = text;
        for (String name : NAMES) {
            String value = param.apply(name);
            if (value != null && value.length() >= MIN_MASKED && out.contains(value)) {
                out = out.replace(value, "***");
            }
        }
        return out;
    }
}
