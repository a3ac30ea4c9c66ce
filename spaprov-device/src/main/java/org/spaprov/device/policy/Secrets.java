package org.spaprov.device.policy;

import java.util.function.Function;
import org.spaprov.profile.catalog.Catalogs;

/**
 * The parameters whose values must never leave the device in a log line or report (SPEC §8, §15.12,
 * §15.16): exactly those the catalogs flag secret ({@link Catalogs#isSecret}) — there is no second list.
 */
public final class Secrets {
    /** Values shorter than this are not masked (they would mangle ordinary words). */
    static final int MIN_MASKED = 4;

    private Secrets() {
    }

    /** True for parameters never reported or logged: the catalogs' secret flag. */
    public static boolean isSecret(String xmlName) {
        return Catalogs.isSecret(xmlName);
    }

    /** {@code text} with every secret parameter value of at least 4 characters replaced by {@code ***}. */
    public static String mask(String text, Function<String, String> param) {
        String out = text;
        for (String name : Catalogs.secretNames()) {
            String value = param.apply(name);
            if (value != null && value.length() >= MIN_MASKED && out.contains(value)) {
                out = out.replace(value, "***");
            }
        }
        return out;
    }
}
