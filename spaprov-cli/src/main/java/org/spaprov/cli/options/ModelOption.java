package org.spaprov.cli.options;

import java.util.Locale;
import org.spaprov.cli.UserException;
import org.spaprov.profile.catalog.Catalog;
import org.spaprov.profile.catalog.Catalogs;
import picocli.CommandLine.Option;

/**
 * {@code --model M}: a device model that has a parameter catalog (default spa2102). An unknown model
 * is a usage error listing the known ones; no command falls back to a model without a catalog.
 */
public final class ModelOption {
    @Option(names = "--model", defaultValue = "spa2102", paramLabel = "MODEL",
            description = "Device model, whose parameter catalog is used (default: ${DEFAULT-VALUE}; see 'spaprov models').")
    String model;

    /** The model as given, in lower case. */
    public String name() {
        return model.toLowerCase(Locale.ROOT);
    }

    /** The model's catalog, or a usage error naming the known models. */
    public Catalog catalog() {
        return catalog(model);
    }

    /** The catalog of {@code model}, or a usage error naming the known models. */
    public static Catalog catalog(String model) {
        try {
            return Catalogs.get(model);
        } catch (IllegalArgumentException e) {
            throw UserException.usage(e.getMessage());
        }
    }
}
