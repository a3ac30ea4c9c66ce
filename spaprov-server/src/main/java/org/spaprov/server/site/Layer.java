package org.spaprov.server.site;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.spaprov.profile.Profile;
import org.spaprov.profile.ProfileException;
import org.spaprov.profile.Setting;
import org.spaprov.profile.xml.XmlProfileReader;

/**
 * One partial flat-profile of the site ({@code layers/global.xml}, {@code layers/model/spa2102.xml}, ...)
 * with its server-side Pebble placeholders ({@code {{ device.mac }}}) compiled at load. Values without
 * {@code {{}/{%} are used as written; the device's own macros ({@code $MA}, {@code $(MAU)}) are never
 * touched. Immutable and thread-safe.
 */
public final class Layer {
    private static final PebbleEngine PEBBLE = new PebbleEngine.Builder().loader(new StringLoader())
            .autoEscaping(false).strictVariables(true).newLineTrimming(false).cacheActive(false).build();

    private final String file;
    private final Profile profile;
    private final Map<Integer, PebbleTemplate> templates;

    private Layer(String file, Profile profile, Map<Integer, PebbleTemplate> templates) {
        this.file = file;
        this.profile = profile;
        this.templates = templates;
    }

    /**
     * Reads and compiles a layer file.
     *
     * @param file the site-relative name used in messages ({@code layers/global.xml})
     * @throws SiteException naming file:line for malformed XML or a broken placeholder
     */
    public static Layer read(byte[] xml, String file) throws SiteException {
        Profile p;
        try {
            p = XmlProfileReader.read(xml, file);
        } catch (ProfileException e) {
            throw new SiteException(e.getMessage());
        }
        return compile(p, file);
    }

    /** A layer made in code (the generated firmware layer); values may hold placeholders. */
    public static Layer of(Profile p, String file) throws SiteException {
        return compile(p, file);
    }

    private static Layer compile(Profile p, String file) throws SiteException {
        Map<Integer, PebbleTemplate> t = new HashMap<>();
        List<Setting> st = p.statements();
        for (int i = 0; i < st.size(); i++) {
            Setting s = st.get(i);
            if (s.value() != null && (s.value().contains("{{") || s.value().contains("{%"))) {
                try {
                    t.put(i, PEBBLE.getTemplate(s.value()));
                } catch (PebbleException e) {
                    throw SiteException.at(file, s.position().line(), s.name() + ": bad placeholder: " + e.getPebbleMessage());
                }
            }
        }
        return new Layer(file, p, Map.copyOf(t));
    }

    /** Pebble's strict-variable message names Java classes; say which placeholder is missing. */
    private static String friendly(String pebble) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:Attribute|Root attribute) \\[([^\\]]*)\\]")
                .matcher(pebble == null ? "" : pebble);
        return m.find() ? "placeholder variable '" + m.group(1) + "' is not defined for this device" : pebble;
    }

    /** The site-relative file name. */
    public String file() {
        return file;
    }

    /** The statements as read, placeholders unrendered. */
    public Profile profile() {
        return profile;
    }

    /** True when some value has a placeholder (the rendered layer depends on the device). */
    public boolean hasPlaceholders() {
        return !templates.isEmpty();
    }

    /**
     * The layer with its placeholders rendered for one device.
     *
     * @param context Pebble variables ({@code device} → mac, model, serial, groups, vars)
     * @throws SiteException naming file:line and the parameter, never the value
     */
    public Profile render(Map<String, Object> context) throws SiteException {
        if (templates.isEmpty()) {
            return profile;
        }
        List<Setting> st = profile.statements();
        List<Setting> out = new ArrayList<>(st.size());
        for (int i = 0; i < st.size(); i++) {
            Setting s = st.get(i);
            PebbleTemplate t = templates.get(i);
            if (t == null) {
                out.add(s);
                continue;
            }
            StringWriter w = new StringWriter();
            try {
                t.evaluate(w, context);
            } catch (PebbleException e) {
                throw SiteException.at(file, s.position().line(), s.name() + ": " + friendly(e.getPebbleMessage()));
            } catch (IOException | RuntimeException e) {
                throw SiteException.at(file, s.position().line(), s.name() + ": placeholder failed: " + e.getMessage());
            }
            out.add(s.withValue(w.toString()));
        }
        return Profile.of(out, profile.notes());
    }
}
