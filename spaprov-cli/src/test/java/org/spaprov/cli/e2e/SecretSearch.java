package org.spaprov.cli.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Looks for secret values in captured text (log lines, events, API answers, error texts), in every
 * form a value could leak in: as is, in hex (either case), in base64 (standard and URL-safe, with or
 * without padding) and percent-encoded. A hit names the secret, the form, where it was found and the
 * text around it with the secret itself masked, so a failing test never prints the secret again.
 * Not thread-safe; fill it, then search.
 */
final class SecretSearch {
    /** Shorter values would match by accident (and no real secret is this short). */
    static final int MIN_LENGTH = 6;

    /** One secret value found in one capture. */
    record Hit(String secret, String form, String where, int at, String context) {
        @Override
        public String toString() {
            return "secret " + secret + " (" + form + ") in " + where + " at char " + at + ": …" + context + "…";
        }
    }

    private final Map<String, Map<String, String>> forms = new LinkedHashMap<>();

    /**
     * Adds a secret under a name that is safe to print.
     *
     * @throws IllegalArgumentException when the value is shorter than {@value #MIN_LENGTH} characters
     */
    SecretSearch add(String name, String value) {
        if (value.length() < MIN_LENGTH) {
            throw new IllegalArgumentException(name + ": a secret this short would match by accident");
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("as is", value);
        f.put("hex", HexFormat.of().formatHex(bytes));
        f.put("HEX", HexFormat.of().withUpperCase().formatHex(bytes));
        String b64 = Base64.getEncoder().withoutPadding().encodeToString(bytes);
        f.put("base64", b64);
        f.put("base64url", Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        f.putIfAbsent("percent-encoded", URLEncoder.encode(value, StandardCharsets.UTF_8));
        // the same form twice (a value that is its own percent-encoding) is searched once
        Set<String> seen = new LinkedHashSet<>();
        f.values().removeIf(v -> !seen.add(v));
        forms.put(name, f);
        return this;
    }

    /** The names of the secrets searched for. */
    Set<String> names() {
        return forms.keySet();
    }

    /** Every occurrence of every secret, in every form, in {@code text}. */
    List<Hit> search(String where, String text) {
        List<Hit> hits = new ArrayList<>();
        forms.forEach((name, byForm) -> byForm.forEach((form, needle) -> {
            for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
                hits.add(new Hit(name, form, where, at, context(text, at, needle.length(), name)));
            }
        }));
        return hits;
    }

    /** Up to 40 characters either side, every form of every secret in it replaced by its name, on one line. */
    private String context(String text, int at, int length, String name) {
        String before = text.substring(Math.max(0, at - 40), at);
        String after = text.substring(at + length, Math.min(text.length(), at + length + 40));
        String window = before + "<" + name + ">" + after;
        for (var secret : forms.entrySet()) {
            for (String form : secret.getValue().values()) {
                window = window.replace(form, "<" + secret.getKey() + ">");
            }
        }
        return window.replaceAll("[\\r\\n\\t]", " ");
    }
}
