package org.spaprov.device.state;

import java.util.Optional;

/**
 * Finds the {@link DeviceModel} for a model name: the full catalog of spaprov-profile when it is
 * available, else the {@link BuiltinModel}.
 */
public final class Models {
    private Models() {
    }

    /**
     * @throws IllegalArgumentException naming the model when neither source knows it
     */
    public static DeviceModel get(String model) {
        return find(model).orElseThrow(() -> new IllegalArgumentException(
                "unknown model '" + model + "' (known: spa2102, spa3102, pap2t, spa941, spa942, spa962, ...)"));
    }

    public static Optional<DeviceModel> find(String model) {
        return BuiltinModel.find(model);
    }
}
