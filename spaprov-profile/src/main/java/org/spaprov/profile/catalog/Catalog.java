package org.spaprov.profile.catalog;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.spaprov.profile.ParamNames;
import org.spaprov.profile.Profile;

/**
 * The parameter set of one device model: every parameter with its XML and plain-text names, type,
 * factory default, factory user access, web-page group and secret flag, in the order of the
 * device's sample profile. Lookups by XML name and by plain-text name are exact (names are
 * case-sensitive, SPEC §15.4); {@link #closest(String)} suggests a name for a misspelt one.
 *
 * <p>Immutable and thread-safe. Obtain instances from {@link Catalogs}.
 */
public final class Catalog {
    private final String model;
    private final String productName;
    private final String series;
    private final Optional<String> baseModel;
    private final List<ParamDef> params;
    private final Map<String, ParamDef> byXml;
    private final Map<String, Integer> indexOf;
    private final Map<String, ParamDef> byText;
    private final Map<String, String> byLowerXml;
    private final Map<String, String> bySquashed;
    private final String[] lowerNames;
    private final int[][] letterCounts;
    private final int maxNameLength;
    private volatile Profile defaults;

    Catalog(String model, String productName, String series, Optional<String> baseModel, List<ParamDef> params) {
        this.model = model;
        this.productName = productName;
        this.series = series;
        this.baseModel = baseModel;
        this.params = List.copyOf(params);
        Map<String, ParamDef> x = new HashMap<>(params.size() * 2);
        Map<String, ParamDef> t = new HashMap<>(params.size() * 2);
        Map<String, String> lower = new HashMap<>(params.size() * 2);
        Map<String, String> squashed = new HashMap<>(params.size() * 2);
        Map<String, Integer> index = new HashMap<>(params.size() * 2);
        for (ParamDef p : params) {
            index.put(p.xmlName(), index.size());
            if (x.put(p.xmlName(), p) != null) {
                throw new IllegalArgumentException(model + ": duplicate parameter " + p.xmlName());
            }
            t.putIfAbsent(p.textName(), p);
            lower.putIfAbsent(p.xmlName().toLowerCase(Locale.ROOT), p.xmlName());
            squashed.putIfAbsent(squash(p.xmlName()), p.xmlName());
        }
        this.byXml = Collections.unmodifiableMap(x);
        this.indexOf = index;
        this.byText = Collections.unmodifiableMap(t);
        this.byLowerXml = lower;
        this.bySquashed = squashed;
        this.lowerNames = new String[params.size()];
        this.letterCounts = new int[params.size()][];
        int longest = 0;
        for (int i = 0; i < lowerNames.length; i++) {
            lowerNames[i] = params.get(i).xmlName().toLowerCase(Locale.ROOT);
            letterCounts[i] = EditDistance.letterCounts(lowerNames[i]);
            longest = Math.max(longest, lowerNames[i].length());
        }
        this.maxNameLength = longest;
    }

    /** Model id in lower case, e.g. {@code spa2102}. */
    public String model() {
        return model;
    }

    /** Product name ({@code $PN}), e.g. {@code SPA2102}. */
    public String productName() {
        return productName;
    }

    /** Product series number ({@code $PSN}), e.g. {@code 2102}. */
    public String series() {
        return series;
    }

    /** The model this catalog extends, if any (e.g. {@code spa2102} for {@code spa3102}). */
    public Optional<String> baseModel() {
        return baseModel;
    }

    /** Every parameter, in sample-profile order. */
    public List<ParamDef> params() {
        return params;
    }

    public Optional<ParamDef> byXml(String xmlName) {
        return Optional.ofNullable(byXml.get(xmlName));
    }

    /** The parameter for {@code xmlName}, or null (allocation-free, for hot paths). */
    public ParamDef get(String xmlName) {
        return byXml.get(xmlName);
    }

    /** The position of {@code xmlName} in {@link #params()}, or -1 (for per-parameter arrays in hot paths). */
    public int indexOf(String xmlName) {
        Integer i = indexOf.get(xmlName);
        return i == null ? -1 : i;
    }

    public Optional<ParamDef> byText(String textName) {
        ParamDef p = byText.get(textName);
        return p != null ? Optional.of(p) : Optional.ofNullable(byXml.get(ParamNames.toXml(textName)));
    }

    /**
     * The plain-text name for an XML name ({@code Set_Local_Date__mm_dd_} → {@code Set_Local_Date_(mm/dd)});
     * for a name not in the catalog, the best effort of {@link ParamNames#toText(String)}.
     */
    public String textName(String xmlName) {
        ParamDef p = byXml.get(xmlName);
        return p != null ? p.textName() : ParamNames.toText(xmlName);
    }

    /** The {@code Page/Section} group of a parameter, or null when unknown. */
    public String groupOf(String xmlName) {
        ParamDef p = byXml.get(xmlName);
        return p == null ? null : p.group();
    }

    /**
     * The catalog name an unknown name most likely means: a case-insensitive match, the XML form of a
     * plain-text name, a match ignoring underscores, else the nearest name by edit distance (at most
     * about a third of the name's length). Empty when nothing is close.
     */
    public Optional<String> closest(String unknownName) {
        if (byXml.containsKey(unknownName)) {
            return Optional.of(unknownName);
        }
        String xml = ParamNames.toXml(unknownName);
        if (byXml.containsKey(xml)) {
            return Optional.of(xml);
        }
        String hit = byLowerXml.get(xml.toLowerCase(Locale.ROOT));
        if (hit == null) {
            hit = bySquashed.get(squash(xml));
        }
        if (hit != null) {
            return Optional.of(hit);
        }
        String needle = xml.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, needle.length() / 3);
        String best = null;
        int bestDistance = limit + 1;
        int[] needleCounts = EditDistance.letterCounts(needle);
        int[] prev = new int[maxNameLength + 2];
        int[] cur = new int[maxNameLength + 2];
        for (int i = 0; i < params.size(); i++) {
            ParamDef p = params.get(i);
            String candidate = lowerNames[i];
            // Cheap lower bounds first: length difference, then letter-count difference.
            if (Math.abs(candidate.length() - needle.length()) >= bestDistance
                    || EditDistance.letterBound(needleCounts, letterCounts[i]) >= bestDistance) {
                continue;
            }
            int d = EditDistance.bounded(needle, candidate, bestDistance - 1, prev, cur);
            if (d < bestDistance) {
                bestDistance = d;
                best = p.xmlName();
            }
        }
        return Optional.ofNullable(best);
    }

    /** A profile setting every parameter to its factory default with its factory access. */
    public Profile defaults() {
        Profile d = defaults;
        if (d == null) {
            Profile.Builder b = Profile.builder();
            for (ParamDef p : params) {
                b.set(p.xmlName(), p.defaultValue(), p.access());
            }
            d = b.build();
            defaults = d;
        }
        return d;
    }

    private static String squash(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '_' && c != '-') {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "Catalog[" + model + ", " + params.size() + " parameters]";
    }
}
