package org.spaprov.server.provision;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.spaprov.profile.Profile;
import org.spaprov.profile.catalog.Catalogs;
import org.spaprov.server.config.DeviceFacingHost;
import org.spaprov.server.device.DeviceRecord;
import org.spaprov.server.firmware.UpgradeLayers;
import org.spaprov.server.site.Layer;
import org.spaprov.server.site.Site;
import org.spaprov.server.site.SiteException;

/**
 * Builds the profile: catalog defaults ⊕ global ⊕ model ⊕ generated firmware layer ⊕ groups (in the
 * device's order) ⊕ device layer, each with its placeholders rendered for the device; the bootstrap
 * names get {@code layers/bootstrap.xml} alone. A layer that fails to render → 500 naming file:line.
 */
final class BuildStage implements Stage {
    private final Supplier<BoundPorts> ports;

    BuildStage(Supplier<BoundPorts> ports) {
        this.ports = ports;
    }

    @Override
    public ProvisionResult handle(RequestContext ctx, Next next) {
        try {
            Profile p = ctx.kind() == FileKind.BOOTSTRAP ? bootstrap(ctx) : build(ctx.site(), ctx.device().orElseThrow());
            if (p == null) {
                return ctx.error(404, "no bootstrap profile (layers/bootstrap.xml)");
            }
            return next.proceed(ctx.withProfile(p));
        } catch (SiteException e) {
            return ctx.error(500, "build: " + e.getMessage());
        }
    }

    private Profile bootstrap(RequestContext ctx) throws SiteException {
        return bootstrapFor(ctx.site(), ctx.device(), ctx.name().series().orElse(""));
    }

    /** The bootstrap profile for {@code device} (empty: an unknown one), or null when the site has none. */
    Profile bootstrapFor(Site site, Optional<DeviceRecord> device) throws SiteException {
        return bootstrapFor(site, device, "");
    }

    private Profile bootstrapFor(Site site, Optional<DeviceRecord> device, String series) throws SiteException {
        Optional<Layer> b = site.bootstrap();
        if (b.isEmpty()) {
            return null;
        }
        Map<String, Object> dev = device.map(BuildStage::deviceVars).orElseGet(() -> {
            Map<String, Object> m = new HashMap<>();
            m.put("mac", "");   // unknown devices share one cached bootstrap profile
            m.put("model", "");
            m.put("serial", "");
            m.put("groups", java.util.List.of());
            m.put("vars", Map.of());
            m.put("key", "");
            return m;
        });
        return b.get().render(Map.of("device", dev, "series", series, "server", serverVars(site)));
    }

    /** The per-device profile of {@code d} (flattened), as a request would get it before validation. */
    Profile build(Site site, DeviceRecord d) throws SiteException {
        return build(site, d, (kind, layer, rendered) -> { });
    }

    /** Told of each part {@link #build} overlays, in order ({@code layer} is null for the catalog defaults). */
    interface Trace {
        void overlay(ProfileTrace.Kind kind, Layer layer, Profile rendered);
    }

    /** {@link #build(Site, DeviceRecord)}, telling {@code trace} of each part on the way. */
    Profile build(Site site, DeviceRecord d, Trace trace) throws SiteException {
        Map<String, Object> c = Map.of("device", deviceVars(d), "server", serverVars(site));
        Profile p = Catalogs.get(d.model()).defaults();
        trace.overlay(ProfileTrace.Kind.DEFAULT, null, p);
        if (site.global().isPresent()) {
            p = overlay(p, ProfileTrace.Kind.GLOBAL, site.global().get(), c, trace);
        }
        Layer model = site.models().get(d.model());
        if (model != null) {
            p = overlay(p, ProfileTrace.Kind.MODEL, model, c, trace);
        }
        BoundPorts bp = ports.get();
        Optional<Layer> fw = UpgradeLayers.forModel(site, d.model(), bp.http(), bp.tftp());
        if (fw.isPresent()) {
            p = overlay(p, ProfileTrace.Kind.GENERATED, fw.get(), c, trace);
        }
        for (String g : d.groups()) {
            Layer gl = site.groups().get(g);
            if (gl == null) {
                throw SiteException.at("devices.csv", 0, "device " + d.mac() + ": group '" + g + "' has no layer");
            }
            p = overlay(p, ProfileTrace.Kind.GROUP, gl, c, trace);
        }
        Layer dl = site.deviceLayers().get(d.mac());
        if (dl != null) {
            p = overlay(p, ProfileTrace.Kind.DEVICE, dl, c, trace);
        }
        return p.flatten();
    }

    private static Profile overlay(Profile p, ProfileTrace.Kind kind, Layer layer, Map<String, Object> c, Trace trace)
            throws SiteException {
        Profile rendered = layer.render(c);
        trace.overlay(kind, layer, rendered);
        return p.overlay(rendered);
    }

    /**
     * The Pebble view of this server, so layers need not repeat its ports: {@code server.host}
     * ({@code localhost} when bound to loopback or to every address, else the bind address — the
     * name the server certificate carries), {@code server.tftp_port}/{@code http_port}/{@code https_port}
     * (as bound), and {@code server.tftp_url}, {@code http_url}, {@code https_url} without a trailing slash.
     */
    Map<String, Object> serverVars(Site site) {
        String host = DeviceFacingHost.forHttps(site.config().listen());
        BoundPorts bp = ports.get();
        int tftp = bp.tftp() > 0 ? bp.tftp() : site.config().listen().tftpPort();
        int http = bp.http() > 0 ? bp.http() : site.config().listen().httpPort();
        int https = bp.https() > 0 ? bp.https() : site.config().listen().httpsPort();
        Map<String, Object> m = new HashMap<>();
        m.put("host", host);
        m.put("tftp_port", tftp);
        m.put("http_port", http);
        m.put("https_port", https);
        m.put("tftp_url", "tftp://" + host + (tftp == 69 ? "" : ":" + tftp));
        m.put("http_url", "http://" + host + (http == 80 ? "" : ":" + http));
        m.put("https_url", "https://" + host + (https == 443 ? "" : ":" + https));
        return m;
    }

    /** The Pebble view of a device: {@code device.mac}, {@code .model}, {@code .serial}, {@code .groups}, {@code .vars}, {@code .key}. */
    static Map<String, Object> deviceVars(DeviceRecord d) {
        Map<String, Object> m = new HashMap<>();
        m.put("mac", d.mac());
        m.put("model", d.model());
        m.put("serial", d.serial().orElse(""));
        m.put("groups", d.groups());
        m.put("vars", d.vars());
        m.put("key", d.key().orElse(""));
        return m;
    }
}
