package org.spaprov.cli.rule;

import java.util.LinkedHashMap;
import java.util.Map;
import org.spaprov.cli.UserException;
import org.spaprov.rules.VariableNames;
import org.spaprov.rules.Variables;
import picocli.CommandLine.Option;

/** The {@code --mac}, {@code --param} and {@code --var} flags shared by expand, eval and check. */
public final class VariableOptions {
    @Option(names = "--mac", paramLabel = "MAC",
            description = "Device MAC address (sets $MA, $MAU, $MAC), e.g. 000E08012345 or 00:0e:08:01:23:45.")
    String mac;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "A device parameter that feeds a variable: GPP_A..GPP_P ($A..$P), GPP_SA..GPP_SD "
                    + "($SA..$SD, only inside --key), User_ID_1_/User_ID_2_ ($UID1/$UID2). Repeatable.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--var", paramLabel = "NAME=VALUE",
            description = "Set a variable directly, e.g. SWVER=2.0.6 or REGTMR1=0 (no $). Repeatable; wins over --param.")
    Map<String, String> vars = new LinkedHashMap<>();

    /** The variables the flags describe; a bad flag is a usage error. */
    Variables variables() {
        Variables.Builder b = Variables.builder();
        try {
            if (mac != null) {
                b.mac(mac);
            }
            params.forEach(b::param);
        } catch (IllegalArgumentException e) {
            throw UserException.usage(e.getMessage());
        }
        vars.forEach((name, value) -> {
            String n = name.startsWith("$") ? name.substring(1) : name;
            if (!VariableNames.isKnown(n)) {
                throw UserException.usage("unknown variable " + n + " (known: "
                        + String.join(" ", VariableNames.all().keySet()) + ")");
            }
            b.set(n, value);
        });
        return b.build();
    }
}
