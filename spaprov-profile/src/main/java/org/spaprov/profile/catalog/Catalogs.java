package org.spaprov.profile.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.spaprov.profile.Access;

/**
 * The catalogs of the known models: {@code spa2102}, {@code spa3102}, {@code spa8000},
 * {@code pap2t}, {@code spa942}. They are class-path resources ({@code <model>.tsv} beside this
 * class) loaded once, on first use; a model may extend another ({@code @base}), add parameters,
 * replace them (same XML name) or drop them ({@code @remove}). Thread-safe.
 */
public final class Catalogs {
    /** The models, in the order {@link #all()} lists them. */
    static final List<String> MODELS = List.of("spa2102", "spa3102", "spa8000", "pap2t", "spa942");

    private Catalogs() {
    }

    /** The catalog of {@code model} (case-insensitive). @throws IllegalArgumentException naming the known models */
    public static Catalog get(String model) {
        return find(model).orElseThrow(() -> new IllegalArgumentException(
                "unknown model '" + model + "'; known models: " + String.join(", ", MODELS)));
    }

    public static Optional<Catalog> find(String model) {
        return model == null ? Optional.empty()
                : Optional.ofNullable(Holder.ALL.get(model.trim().toLowerCase(Locale.ROOT)));
    }

    /**
     * The catalog of a model ({@code spa2102}) or of a product name as devices report it (User-Agent
     * {@code PN}, certificate {@code OU}): {@code SPA-2102}, {@code SPA2102}, {@code PAP2T}; case and
     * hyphens do not matter.
     */
    public static Optional<Catalog> forName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String m = name.trim().toLowerCase(Locale.ROOT).replace("-", "");
        Optional<Catalog> c = find(m);
        return c.isPresent() ? c
                : Holder.ALL.values().stream().filter(k -> k.productName().replace("-", "").equalsIgnoreCase(m)).findFirst();
    }

    public static List<Catalog> all() {
        return List.copyOf(Holder.ALL.values());
    }

    /**
     * The one definition of "secret" where the model is not known: true when any model's catalog
     * flags {@code xmlName} secret (passwords, {@code GPP_SA}–{@code GPP_SD}, keys, PINs,
     * {@code License_Keys}). With a known model, {@link ParamDef#secret()} of its catalog says the same.
     */
    public static boolean isSecret(String xmlName) {
        return xmlName != null && Holder.SECRETS.contains(xmlName);
    }

    /** Every parameter name that {@link #isSecret} is true for, sorted. */
    public static Set<String> secretNames() {
        return Holder.SECRETS;
    }

    /** Lazy holder: loading all catalogs takes a few milliseconds, done once. */
    private static final class Holder {
        static final Map<String, Catalog> ALL = loadAll();
        static final Set<String> SECRETS = Collections.unmodifiableSet(new TreeSet<>(ALL.values().stream()
                .flatMap(c -> c.params().stream()).filter(ParamDef::secret).map(ParamDef::xmlName).toList()));
    }

    private static Map<String, Catalog> loadAll() {
        Map<String, Catalog> all = new LinkedHashMap<>();
        for (String m : MODELS) {
            all.put(m, load(m, all));
        }
        return all;
    }

    private static Catalog load(String model, Map<String, Catalog> loaded) {
        String resource = model + ".tsv";
        try (InputStream in = Catalogs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("catalog resource missing: " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> header = new LinkedHashMap<>();
            Set<String> removed = new LinkedHashSet<>();
            Map<String, ParamDef> own = new LinkedHashMap<>();
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (line.startsWith("@")) {
                    if (f[0].equals("@remove")) {
                        removed.add(f[1]);
                    } else {
                        header.put(f[0].substring(1), f[1]);
                    }
                    continue;
                }
                if (f.length < 8) {
                    throw new IllegalStateException(resource + ":" + lineNo + ": expected 9 columns");
                }
                List<String> choices = f[3].isEmpty() ? List.of() : Arrays.asList(f[3].split("/", -1));
                ParamDef p = new ParamDef(f[0], f[1], ParamType.parse(f[2], choices), unescape(f[4]),
                        Access.fromXml(f[5]).orElse(Access.NA), f[6], f[7].equals("1"));
                own.put(p.xmlName(), p);
            }
            Optional<String> base = Optional.ofNullable(header.get("base"));
            List<ParamDef> params = new ArrayList<>();
            if (base.isPresent()) {
                Catalog b = loaded.get(base.get());
                if (b == null) {
                    throw new IllegalStateException(resource + ": base model " + base.get() + " not loaded first");
                }
                for (ParamDef p : b.params()) {
                    if (!removed.contains(p.xmlName())) {
                        params.add(own.containsKey(p.xmlName()) ? own.remove(p.xmlName()) : p);
                    }
                }
            }
            params.addAll(own.values());
            return new Catalog(header.getOrDefault("model", model), header.get("product"), header.get("series"),
                    base, params);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read catalog resource " + resource, e);
        }
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
