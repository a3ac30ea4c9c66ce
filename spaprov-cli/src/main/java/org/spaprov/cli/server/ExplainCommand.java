package org.spaprov.cli.server;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spaprov.cli.BaseCommand;
import org.spaprov.cli.Cli;
import org.spaprov.cli.UserException;
import org.spaprov.profile.Mac;
import org.spaprov.profile.Printable;
import org.spaprov.rules.RuleKind;
import org.spaprov.rules.RuleOutcome;
import org.spaprov.rules.RuleSyntaxException;
import org.spaprov.rules.Rules;
import org.spaprov.rules.VariableNames;
import org.spaprov.rules.Variables;
import org.spaprov.rules.expr.Alternative;
import org.spaprov.rules.expr.ParsedRule;
import org.spaprov.rules.expr.RuleOption;
import org.spaprov.rules.expr.RulePrinter;
import org.spaprov.server.provision.ProfileTrace;
import org.spaprov.server.site.SiteException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spaprov explain --site DIR MAC [--param NAME]}: offline, each value device MAC gets and where it
 * comes from, then its rules evaluated as the device would against that profile. Secret values and
 * literal keys print as {@value #MASK}.
 */
@Command(name = "explain",
        description = {"Explain the profile a device gets: each value's origin, then how the device reads its rules.", "",
                "Offline, from the site's files. For each parameter: the value, and where it comes from: catalog "
                        + "default, a layer file and line (global, model, group, device), the generated firmware "
                        + "rule, and the devices.csv columns a placeholder read. Secret values print as ********.", "",
                "Then Profile_Rule, Profile_Rule_B..D, Upgrade_Rule and Report_Rule are evaluated as the device "
                        + "would, with its MAC, the GPP_* and User_ID_* values of this profile and any --var: the "
                        + "alternative that applies and why, the expanded URL and the key option (masked). "
                        + "Generated URLs name the ports of spaprov.yaml."},
        mixinStandardHelpOptions = true,
        exitCodeList = {"0:explained", "1:unknown device or parameter, a profile that does not build, or a site "
                + "that does not load", "2:usage error"},
        footer = {"  spaprov explain --site mysite 000e08aabb01",
                "  spaprov explain --site mysite 000e08aabb01 --param Profile_Rule --var SWVER=5.2.12"})
public final class ExplainCommand extends BaseCommand {
    private static final String MASK = "********";
    private static final List<String> RULES = List.of("Profile_Rule", "Profile_Rule_B", "Profile_Rule_C",
            "Profile_Rule_D", "Upgrade_Rule", "Report_Rule");

    @Option(names = "--site", paramLabel = "DIR", required = true, description = "The site directory.")
    Path site;

    @Parameters(index = "0", paramLabel = "MAC", description = "The device (12 hex digits, separators allowed).")
    String mac;

    @Option(names = "--param", paramLabel = "NAME", description = "Only this parameter (XML name, e.g. Proxy_1_).")
    String param;

    @Option(names = "--var", paramLabel = "NAME=VALUE",
            description = "A device variable for the rules' conditions, e.g. SWVER=5.2.12 (repeatable).")
    Map<String, String> vars = new LinkedHashMap<>();

    @Override
    public Integer call() {
        String m = Mac.tryParse(mac).map(Mac::hex).orElseThrow(
                () -> UserException.invalid("'" + Printable.of(mac) + "' is not a MAC address (12 hex digits)"));
        List<ProfileTrace.Origin> origins;
        try {
            origins = ProfileTrace.of(SiteCheckCommand.load(site), m);
        } catch (SiteException e) {
            throw UserException.invalid(e.getMessage());
        }
        List<ProfileTrace.Origin> shown = param == null ? origins
                : origins.stream().filter(o -> o.name().equals(param)).toList();
        if (shown.isEmpty()) {
            throw UserException.invalid("device " + m + " has no parameter " + Printable.of(param));
        }
        PrintWriter out = out();
        out.println("device " + m + ": value, then where it comes from");
        for (ProfileTrace.Origin o : shown) {
            out.println("  " + o.name() + " = \"" + shownValue(o) + "\"  <- " + o.source()
                    + (o.columns().isEmpty() ? "" : " (devices.csv column " + String.join(", ", o.columns()) + ")"));
        }
        Variables v = variables(m, origins);
        Map<String, String> values = new LinkedHashMap<>();
        origins.forEach(o -> values.put(o.name(), o.value()));
        List<String> rules = RULES.stream().filter(r -> param == null || r.equals(param)).toList();
        if (!rules.isEmpty()) {
            out.println("rules, as the device evaluates them" + (vars.isEmpty() ? " ($SWVER etc. unset: see --var)" : "")
                    + ":");
        }
        for (String r : rules) {
            out.println("  " + r + ": " + evaluation(values.getOrDefault(r, ""), kind(r), v));
        }
        out.flush();
        return Cli.OK;
    }

    private static String shownValue(ProfileTrace.Origin o) {
        return o.secret() && o.value() != null && !o.value().isEmpty() ? MASK : o.value();
    }

    /** The device's variables: its MAC, the GPP_* / User_ID_* values of the profile, then --var. */
    private Variables variables(String m, List<ProfileTrace.Origin> origins) {
        Variables.Builder b = Variables.builder().mac(m);
        for (ProfileTrace.Origin o : origins) {
            if (o.value() != null && VariableNames.forParam(o.name()).isPresent()) {
                b.param(o.name(), o.value());
            }
        }
        vars.forEach(b::set);
        return b.build();
    }

    private static RuleKind kind(String name) {
        return name.equals("Upgrade_Rule") ? RuleKind.UPGRADE : name.equals("Report_Rule") ? RuleKind.REPORT
                : RuleKind.PROFILE;
    }

    /** Which alternative applies and why, its URL and key option; never a key's value. */
    static String evaluation(String text, RuleKind kind, Variables v) {
        if (text.isBlank()) {
            return "empty: nothing to fetch (counts as success)";
        }
        ParsedRule parsed;
        try {
            parsed = Rules.parse(text, kind);
        } catch (RuleSyntaxException e) {
            return "malformed at column " + (e.column() + 1) + ": " + e.getMessage();
        }
        List<Alternative> alts = parsed.rule().alternatives();
        return switch (Rules.evaluate(parsed, v)) {
            case RuleOutcome.Skipped s -> alts.isEmpty() ? "commented out or empty: nothing to fetch"
                    : "skipped: none of the " + alts.size() + " alternatives' conditions holds (counts as success)";
            case RuleOutcome.BadRule b -> "fails: " + b.message() + " (column " + (b.column() + 1) + ")";
            case RuleOutcome.Selected s -> selected(s, alts.get(s.alternative()), alts.size());
        };
    }

    private static String selected(RuleOutcome.Selected s, Alternative a, int count) {
        StringBuilder b = new StringBuilder("alternative " + (s.alternative() + 1) + " of " + count);
        b.append(a.condition().map(c -> ", because " + RulePrinter.print(c) + " holds").orElse(", unconditional"));
        if (s.alternative() > 0) {
            b.append(" (the earlier ones' conditions do not)");
        }
        b.append(s.url().map(u -> "; url " + u).orElse("; no url"));
        for (RuleOption o : a.options()) {
            if (o instanceof RuleOption.Key k) {
                // "$SA" names where the key comes from; a key written in the rule itself is a secret.
                String arg = k.arg().trim();
                b.append("; --key ").append(arg.startsWith("$") || arg.startsWith("\"$") ? arg + " (" + MASK + ")" : MASK);
            }
        }
        if (!s.assignments().isEmpty()) {
            b.append("; assigns ").append(String.join(", ", s.assignments().keySet()));
        }
        return b.toString();
    }
}
