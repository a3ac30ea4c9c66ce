package org.spaprov.cli.rule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.spaprov.cli.BaseCommand;
import org.spaprov.cli.Cli;
import org.spaprov.rules.RuleKind;
import org.spaprov.rules.RuleOutcome;
import org.spaprov.rules.RuleUrl;
import org.spaprov.rules.Rules;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spaprov rule eval}: evaluates a Profile_Rule / Upgrade_Rule / Report_Rule value (SPEC §6). */
@Command(name = "eval",
        description = {"Evaluate a rule; show the chosen alternative and its URL.", "",
                "Evaluates as the device would: shows the chosen alternative (0 = first), its assignments, its "
                        + "options (keys masked unless --show-secrets) and the resolved URL. When no condition holds, "
                        + "or the rule is empty or commented out, the rule is skipped (exit 0).", "",
                "With --json, print one object: matched, alternative, assignments, options, url {scheme, host, port, "
                        + "path} (host null = the DHCP option 66 server) or url: null."},
        mixinStandardHelpOptions = true,
        exitCodeList = {"0:the rule parses (matched or skipped)", "1:malformed (the column is shown)", "2:usage error"},
        footer = {"  spaprov rule eval --kind upgrade --var SWVER=2.0.5 \\",
                "      '( $SWVER ne 2.0.6 )? http://ps.tell.com/sw/spa021024.bin'",
                "  spaprov rule eval --json --param GPP_A=Provisioned \\",
                "      '(\"$A\" ne \"Provisioned\")? https://p.tel.com/init | /configs'",
                "  spaprov rule eval --mac 000E08012345 --param GPP_SA=Secret1234 \\",
                "      '[--key \"$SA\"] /spa$MA.cfg'"})
public final class RuleEvalCommand extends BaseCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "RULE", description = "The rule value.")
    String rule;

    @Mixin
    VariableOptions variables;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "profile", converter = KindConverter.class,
            description = "profile (Profile_Rule*), upgrade (Upgrade_Rule: no options) or report (Report_Rule: --key only); "
                    + "default ${DEFAULT-VALUE}.")
    RuleKind kind;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--show-secrets", description = "Show keys and secret assignments instead of ********.")
    boolean showSecrets;

    /** Accepts profile, upgrade, report in any case. */
    static final class KindConverter implements ITypeConverter<RuleKind> {
        @Override
        public RuleKind convert(String value) {
            try {
                return RuleKind.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected profile, upgrade or report");
            }
        }
    }

    @Override
    public Integer call() throws JsonProcessingException {
        RuleOutcome outcome = Rules.evaluate(rule, kind, variables.variables());
        PrintWriter out = out();
        if (outcome instanceof RuleOutcome.BadRule bad) {
            if (json) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("column", Columns.human(bad.column()));
                error.put("message", bad.message());
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("matched", false);
                o.put("error", error);
                out.println(JSON.writeValueAsString(o));
                out.flush();
            }
            throw Columns.malformed("rule", bad.column(), bad.message());
        }
        Map<String, Object> result = describe(outcome);
        if (json) {
            out.println(JSON.writeValueAsString(result));
        } else {
            printText(out, outcome, result);
        }
        out.flush();
        return Cli.OK;
    }

    /** The JSON shape: matched, alternative, assignments, options, url. */
    private Map<String, Object> describe(RuleOutcome outcome) {
        Map<String, Object> o = new LinkedHashMap<>();
        Map<String, Object> assignments = new LinkedHashMap<>();
        Map<String, Object> options = new LinkedHashMap<>();
        Map<String, Object> url = null;
        Integer alternative = null;
        if (outcome instanceof RuleOutcome.Selected s) {
            alternative = s.alternative();
            s.assignments().forEach((k, v) -> assignments.put(k, showSecrets || !Secrets.isSecretParam(k) ? v : Secrets.MASK));
            s.options().key().ifPresent(k -> options.put("key", showSecrets ? k : Secrets.MASK));
            s.options().post().ifPresent(c -> options.put("post", String.valueOf(c)));
            s.options().alias().ifPresent(c -> options.put("alias", String.valueOf(c)));
            if (s.url().isPresent()) {
                RuleUrl u = s.url().get();
                url = new LinkedHashMap<>();
                url.put("scheme", u.scheme());
                url.put("host", u.host().orElse(null));
                url.put("port", u.port());
                url.put("path", u.path());
            }
        }
        o.put("matched", outcome instanceof RuleOutcome.Selected);
        o.put("alternative", alternative);
        o.put("assignments", assignments);
        o.put("options", options);
        o.put("url", url);
        return o;
    }

    @SuppressWarnings("unchecked")
    private static void printText(PrintWriter out, RuleOutcome outcome, Map<String, Object> r) {
        if (!(outcome instanceof RuleOutcome.Selected)) {
            out.println("skipped: no alternative matched (an empty or all-false rule counts as success)");
            return;
        }
        out.println("matched: alternative " + r.get("alternative"));
        ((Map<String, Object>) r.get("assignments")).forEach((k, v) -> out.println("assign:  " + k + " = \"" + v + "\""));
        ((Map<String, Object>) r.get("options")).forEach((k, v) -> out.println("option:  --" + k + " " + v));
        Map<String, Object> url = (Map<String, Object>) r.get("url");
        if (url == null) {
            out.println("url:     (none)");
            return;
        }
        Object host = url.get("host");
        out.println("url:     " + url.get("scheme") + "://" + (host == null ? "" : host + ":" + url.get("port")) + url.get("path"));
        out.println("scheme:  " + url.get("scheme"));
        out.println("host:    " + (host == null ? "(none: the TFTP server from DHCP option 66)" : host));
        out.println("port:    " + url.get("port"));
        out.println("path:    " + url.get("path"));
    }
}
