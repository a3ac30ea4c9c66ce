package org.spaprov.server.provision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spaprov.profile.Profile;
import org.spaprov.profile.Setting;
import org.spaprov.profile.catalog.Catalogs;
import org.spaprov.server.device.DeviceRecord;
import org.spaprov.server.site.DevicesCsv;
import org.spaprov.server.site.Layer;
import org.spaprov.server.site.Site;
import org.spaprov.server.site.SiteException;

/**
 * Where each value of a device's profile comes from: the same build as a request's ({@link BuildStage}),
 * watched part by part, so {@code spaprov explain} can say "catalog default", "layers/global.xml:12",
 * "generated rule" and, for a placeholder, which {@code devices.csv} column fed it. Stateless.
 */
public final class ProfileTrace {
    private static final Pattern DEVICE_FIELD = Pattern.compile("device\\.(vars\\.([A-Za-z0-9_]+)|key|serial|mac|model|groups)");

    private ProfileTrace() {
    }

    /** The kinds of part a profile is built from, in build order. */
    public enum Kind {
        DEFAULT, GLOBAL, MODEL, GENERATED, GROUP, DEVICE
    }

    /**
     * One parameter's final value and its origin.
     *
     * @param source  {@code catalog default}, {@code layers/global.xml:12}, {@code generated rule (firmware: in spaprov.yaml)}
     * @param columns the {@code devices.csv} columns a placeholder of that line read ({@code var.sip_password}, {@code key})
     * @param secret  the catalog flags it secret: show its value masked
     */
    public record Origin(String name, String value, Kind kind, String source, List<String> columns, boolean secret) {
        public Origin {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(source, "source");
            columns = List.copyOf(columns);
        }
    }

    /**
     * Every parameter of the profile device {@code mac} of {@code site} gets, in profile order, with its origin;
     * generated URLs name the ports of {@code spaprov.yaml}.
     *
     * @throws SiteException when the device is not in {@code devices.csv} or its profile does not build
     */
    public static List<Origin> of(Site site, String mac) throws SiteException {
        DeviceRecord d = site.devices().get(mac);
        if (d == null) {
            throw SiteException.at(DevicesCsv.FILE, 0, "no device " + mac);
        }
        var l = site.config().listen();
        BoundPorts ports = new BoundPorts(l.tftpPort(), l.httpPort(), l.httpsPort());
        Map<String, Origin> origins = new LinkedHashMap<>();
        Profile built = new BuildStage(() -> ports).build(site, d, (kind, layer, rendered) -> {
            List<Setting> raw = layer == null ? List.of() : layer.profile().statements();
            List<Setting> st = rendered.statements();
            for (int i = 0; i < st.size(); i++) {
                Setting s = st.get(i);
                if (s.value() == null) {
                    continue;   // an access-only statement keeps the value's origin
                }
                String rawValue = i < raw.size() ? raw.get(i).value() : null;
                origins.put(s.name(), new Origin(s.name(), s.value(), kind, source(kind, layer, s), columns(rawValue),
                        Catalogs.isSecret(s.name())));
            }
        });
        List<Origin> out = new ArrayList<>();
        for (Setting s : built.statements()) {
            Origin o = origins.get(s.name());
            if (o != null) {
                out.add(new Origin(s.name(), s.value(), o.kind(), o.source(), o.columns(), o.secret()));
            }
        }
        return out;
    }

    private static String source(Kind kind, Layer layer, Setting s) {
        return switch (kind) {
            case DEFAULT -> "catalog default";
            case GENERATED -> "generated rule (" + layer.file().replaceAll("[<>]", "") + " in spaprov.yaml)";
            default -> layer.file() + (s.position().line() > 0 ? ":" + s.position().line() : "");
        };
    }

    /** The devices.csv columns a layer value's placeholders read. */
    private static List<String> columns(String rawValue) {
        if (rawValue == null || !rawValue.contains("{")) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Matcher m = DEVICE_FIELD.matcher(rawValue);
        while (m.find()) {
            String c = m.group(2) != null ? "var." + m.group(2) : m.group(1);
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }
}
