package org.spaprov.device.state;

import java.util.Optional;
import org.spaprov.profile.catalog.Catalog;
import org.spaprov.profile.catalog.Catalogs;

/**
 * Finds the {@link DeviceModel} for a model name: the full catalog of spaprov-profile when it is
 * available, else the {@link BuiltinModel}.
 */
public final class Models {
    private static final java.util.Map<String, DeviceModel> CACHE = new java.util.HashMap<>();

    private Models() {
    }

    /**
     * @throws IllegalArgumentException naming the model when neither source knows it
     */
    public static DeviceModel get(String model) {
        return find(model).orElseThrow(() -> new IllegalArgumentException("unknown model '" + model + "'; known models: "
                + String.join(", ", Catalogs.all().stream().map(c -> c.model()).toList())));
    }

    /** The catalog model (shared, one instance per model), else the open built-in one for other SPA names. */
    public static synchronized Optional<DeviceModel> find(String model) {
        Optional<Catalog> c = Catalogs.find(model);
        if (c.isPresent()) {
            return Optional.of(CACHE.computeIfAbsent(c.get().model(), k -> new CatalogModel(c.get())));
        }
        return BuiltinModel.find(model);
    }
}
