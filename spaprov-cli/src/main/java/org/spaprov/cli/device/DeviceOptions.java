package org.spaprov.cli.device;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spaprov.cli.UserException;
import org.spaprov.cli.options.ModelOption;
import org.spaprov.device.state.DeviceModel;
import org.spaprov.device.state.Models;
import org.spaprov.profile.catalog.Catalog;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options {@code emulate} and {@code fleet} share: model, firmware, {@code --set}, the trusted CA and
 * DHCP option 66. Checked before any device starts: an unknown model is a usage error listing the known
 * ones; a {@code --set} name the model's catalog lacks is invalid input with the closest name (names are
 * case-sensitive, as on the device); an unreadable {@code --ca} says what is wrong with the file.
 */
final class DeviceOptions {
    @Mixin
    ModelOption model;

    @Option(names = "--firmware", defaultValue = "5.2.12", paramLabel = "V",
            description = "Firmware version of a fresh device (default: ${DEFAULT-VALUE}).")
    String firmware;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "Set a parameter (XML name, e.g. Profile_Rule) before power-on; repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--ca", paramLabel = "FILE", description = "PEM CA certificate trusted for HTTPS.")
    Path ca;

    @Option(names = "--dhcp-tftp-server", paramLabel = "HOST",
            description = "DHCP option 66: the TFTP server of rules without a host.")
    String dhcpTftp;

    /** The model with its catalog; a usage error for a model without one. */
    DeviceModel deviceModel() {
        return Models.get(model.catalog().model());
    }

    /** The {@code --set} values by name, each name known to the model's catalog. */
    Map<String, String> settings() {
        Catalog catalog = model.catalog();
        Map<String, String> m = new LinkedHashMap<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw UserException.usage("--set wants NAME=VALUE (XML name, e.g. Profile_Rule=http://host/$MA.cfg), got '"
                        + s + "'");
            }
            String name = s.substring(0, eq).trim();
            if (catalog.byXml(name).isEmpty()) {
                throw UserException.invalid("--set: unknown parameter " + name + " for " + catalog.productName()
                        + catalog.closest(name).map(n -> "; did you mean " + n + "?").orElse(""));
            }
            m.put(name, s.substring(eq + 1));
        }
        return m;
    }

    /** The certificates of {@code --ca}; none without it. */
    List<X509Certificate> cas() {
        return ca == null ? List.of() : DeviceSetup.pem("--ca", ca, org.spaprov.device.fetch.Pem::certificates);
    }
}
