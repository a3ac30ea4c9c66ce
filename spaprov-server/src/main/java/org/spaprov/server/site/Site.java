package org.spaprov.server.site;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.spaprov.server.config.ServerConfig;
import org.spaprov.server.device.DeviceRecord;

/**
 * One loaded, consistent version of a site directory. Immutable and thread-safe; a reload makes a
 * new {@code Site} with a higher {@link #generation()}, which invalidates every cached profile.
 *
 * @param dir        the site directory (absolute)
 * @param config     {@code spaprov.yaml}
 * @param global     {@code layers/global.xml}
 * @param bootstrap  {@code layers/bootstrap.xml}: what the bootstrap names ({@code spa$PSN.cfg}) serve
 * @param models     {@code layers/model/<model>.xml} by catalog model
 * @param groups     {@code layers/group/<name>.xml} by group name
 * @param deviceLayers {@code layers/device/<mac>.xml} by MAC
 * @param devices    {@code devices.csv} by MAC
 * @param firmware   {@code firmware/}
 * @param generation increases with every successful load
 */
public record Site(Path dir, ServerConfig config, Optional<Layer> global, Optional<Layer> bootstrap,
        Map<String, Layer> models, Map<String, Layer> groups, Map<String, Layer> deviceLayers,
        Map<String, DeviceRecord> devices, FirmwareCatalog firmware, long generation) {
    public Site {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(config, "config");
        models = Map.copyOf(models);
        groups = Map.copyOf(groups);
        deviceLayers = Map.copyOf(deviceLayers);
        devices = Map.copyOf(devices);
        Objects.requireNonNull(firmware, "firmware");
    }

    /** The same site with other settings (command-line overrides of {@code spaprov.yaml}). */
    public Site withConfig(ServerConfig c) {
        return new Site(dir, c, global, bootstrap, models, groups, deviceLayers, devices, firmware, generation);
    }

    /** The same site under another generation number. */
    public Site withGeneration(long g) {
        return new Site(dir, config, global, bootstrap, models, groups, deviceLayers, devices, firmware, g);
    }
}
