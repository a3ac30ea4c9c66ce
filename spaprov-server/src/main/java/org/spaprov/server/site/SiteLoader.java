package org.spaprov.server.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.spaprov.profile.Mac;
import org.spaprov.profile.catalog.Catalog;
import org.spaprov.profile.catalog.Catalogs;
import org.spaprov.server.config.ServerConfig;
import org.spaprov.server.device.DeviceRecord;

/**
 * Loads a site directory into a {@link Site}, all or nothing: the first broken file stops the load
 * with a {@link SiteException} naming file:line, so the caller keeps serving the last good site.
 * Files are read only from inside the site: symbolic links leading out are refused. Stateless.
 *
 * <pre>
 * spaprov.yaml            server settings ({@link ServerConfigReader})
 * devices.csv             the inventory ({@link DevicesCsv})
 * layers/global.xml       applies to every device
 * layers/bootstrap.xml    served for the bootstrap names (spa$PSN.cfg)
 * layers/model/spa2102.xml, layers/group/office.xml, layers/device/000e08aabbcc.xml
 * firmware/               images served under /firmware/
 * </pre>
 */
public final class SiteLoader {
    /** Largest site file read (8 MiB). */
    public static final long MAX_FILE = 8L * 1024 * 1024;

    private SiteLoader() {
    }

    public static Site load(Path siteDir, Path dataDir, long generation) throws SiteException {
        Path dir = siteDir.toAbsolutePath().normalize();
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            throw SiteException.at(dir.toString(), 0, "cannot open the site: " + e.getMessage());
        }
        Optional<byte[]> yaml = read(real, ServerConfigReader.FILE);
        if (yaml.isPresent() && new String(yaml.get(), java.nio.charset.StandardCharsets.UTF_8).lines()
                .map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#"))) {
            // Half-written or truncated: serving it would silently reset every setting to its default.
            throw SiteException.at(ServerConfigReader.FILE, 1, "the file is empty; every setting would fall back to"
                    + " its default (delete the file to mean that)");
        }
        ServerConfig config = yaml.isPresent() ? ServerConfigReader.read(yaml.get(), dir, dataDir)
                : ServerConfigReader.defaults(dir, dataDir);
        Optional<Layer> global = layer(real, "layers/global.xml");
        Optional<Layer> bootstrap = layer(real, "layers/bootstrap.xml");
        Map<String, Layer> models = new HashMap<>();
        for (Map.Entry<String, Layer> e : folder(real, "layers/model").entrySet()) {
            String model = Catalogs.forName(e.getKey()).map(Catalog::model).orElseThrow(() -> SiteException.at(e.getValue().file(), 0,
                    "no catalog for model '" + e.getKey() + "'"));
            models.put(model, e.getValue());
        }
        Map<String, Layer> groups = folder(real, "layers/group");
        Map<String, Layer> deviceLayers = new HashMap<>();
        for (Map.Entry<String, Layer> e : folder(real, "layers/device").entrySet()) {
            if (!Mac.isCanonical(e.getKey())) {
                throw SiteException.at(e.getValue().file(), 0, "a device layer is named by the MAC: 12 lower-case hex digits");
            }
            deviceLayers.put(e.getKey(), e.getValue());
        }
        Map<String, DeviceRecord> devices = new LinkedHashMap<>();
        Optional<byte[]> csv = read(real, DevicesCsv.FILE);
        if (csv.isPresent()) {
            for (DeviceRecord d : DevicesCsv.parse(csv.get(), groups::containsKey)) {
                devices.put(d.mac(), d);
            }
        }
        FirmwareCatalog firmware = FirmwareCatalog.load(real.resolve("firmware"));
        for (Map.Entry<String, String> e : config.firmware().entrySet()) {
            if (Catalogs.forName(e.getKey()).isEmpty()) {
                throw SiteException.at(ServerConfigReader.FILE, 0, "firmware." + e.getKey() + ": no catalog for this model");
            }
            if (firmware.image(Catalogs.forName(e.getKey()).get().model(), e.getValue()).isEmpty()) {
                throw SiteException.at(ServerConfigReader.FILE, 0, "firmware." + e.getKey() + ": no image of version "
                        + e.getValue() + " in firmware/");
            }
        }
        return new Site(dir, config, global, bootstrap, models, groups, deviceLayers, devices, firmware, generation);
    }

    private static Optional<Layer> layer(Path site, String rel) throws SiteException {
        Optional<byte[]> b = read(site, rel);
        return b.isEmpty() ? Optional.empty() : Optional.of(Layer.read(b.get(), rel));
    }

    /** The {@code *.xml} layers of a folder by base name. */
    private static Map<String, Layer> folder(Path site, String rel) throws SiteException {
        Path dir = site.resolve(rel);
        Map<String, Layer> out = new HashMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted().toList();
        } catch (IOException e) {
            throw SiteException.at(rel, 0, "cannot list: " + e.getMessage());
        }
        for (Path p : files) {
            String name = p.getFileName().toString();
            if (name.startsWith(".") || !name.toLowerCase(Locale.ROOT).endsWith(".xml")) {
                continue;
            }
            String base = name.substring(0, name.length() - 4);
            out.put(base, layer(site, rel + "/" + name).orElseThrow());
        }
        return out;
    }

    /** A site file's bytes, empty when absent; refuses links out of the site and huge files. */
    static Optional<byte[]> read(Path site, String rel) throws SiteException {
        Path p = site.resolve(rel);
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            Path real = p.toRealPath();
            if (!real.startsWith(site)) {
                throw SiteException.at(rel, 0, "leads out of the site (symbolic link); refused");
            }
            if (!Files.isRegularFile(real)) {
                throw SiteException.at(rel, 0, "not a regular file");
            }
            if (Files.size(real) > MAX_FILE) {
                throw SiteException.at(rel, 0, "larger than " + MAX_FILE + " bytes");
            }
            return Optional.of(Files.readAllBytes(real));
        } catch (IOException e) {
            throw SiteException.at(rel, 0, "cannot read: " + e.getMessage());
        }
    }
}
