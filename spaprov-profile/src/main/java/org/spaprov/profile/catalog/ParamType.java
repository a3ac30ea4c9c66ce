package org.spaprov.profile.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The data type of a parameter (SPEC §11). {@link #check(String)} tells whether a value is
 * acceptable and, when not, says precisely why (range, choices, length, format). Messages never
 * quote the value itself, so they are safe for secret parameters; they may quote a parsed number.
 *
 * <p>The empty string is accepted by every type except {@link Bool} and {@link Choice} (empty
 * defaults are common: an unset server, an unset timer). The rule-language kinds ({@code rule},
 * {@code upgrade-rule}, {@code condition}) only check length here; their syntax is checked by the
 * extra {@code SyntaxCheck}s of spaprov-rules, plugged into the validator by {@link #kind()}.
 *
 * <p>All implementations are immutable records and thread-safe.
 */
public sealed interface ParamType permits ParamType.Bool, ParamType.Choice, ParamType.Uns, ParamType.Sig,
        ParamType.Str, ParamType.Ip, ParamType.Port, ParamType.Fqdn, ParamType.Phone, ParamType.UserId,
        ParamType.ActCode, ParamType.Time, ParamType.PwrLevel, ParamType.Template, ParamType.Script,
        ParamType.Rule, ParamType.Schedule, ParamType.Version, ParamType.Mac {

    /**
     * The short machine name, the key of the validator's extra checks: {@code bool}, {@code choice},
     * {@code uns}, {@code sig}, {@code str}, {@code ip}, {@code port}, {@code fqdn}, {@code phone},
     * {@code userid}, {@code actcode}, {@code time}, {@code pwrlevel}, {@code phtmplt}, {@code rsctmplt},
     * {@code cadscript}, {@code freqscript}, {@code tonescript}, {@code dialplan}, {@code rule},
     * {@code upgrade-rule}, {@code report-rule}, {@code condition}, {@code schedule}, {@code version},
     * {@code mac}.
     */
    String kind();

    /** A human description as in the guide's type table: {@code Uns16}, {@code Str127}, {@code {a, b}}. */
    String describe();

    /** Empty when {@code value} is acceptable, else why not (without quoting the value). */
    Optional<String> check(String value);

    /** {@code Bool}: Yes/No (case-insensitive), also Enable/Disable and 1/0 (SIP05 p22). */
    record Bool() implements ParamType {
        public String kind() { return "bool"; }
        public String describe() { return "Bool"; }
        public Optional<String> check(String v) { return ValueChecks.bool(v); }
    }

    /** One of the listed literals ({@code # options: a/b/c}); a case-only difference is accepted. */
    record Choice(List<String> choices) implements ParamType {
        public Choice { choices = List.copyOf(choices); }
        public String kind() { return "choice"; }
        public String describe() { return "{" + String.join(", ", choices) + "}"; }
        public Optional<String> check(String v) { return ValueChecks.choice(v, choices); }
    }

    /** {@code Uns<n>}: unsigned n-bit integer, decimal or 0x hex. */
    record Uns(int bits) implements ParamType {
        public String kind() { return "uns"; }
        public String describe() { return "Uns" + bits; }
        public Optional<String> check(String v) { return ValueChecks.integer(v, 0, (1L << bits) - 1, describe()); }
    }

    /** {@code Sig<n>}: signed n-bit integer, decimal or 0x hex, optional sign. */
    record Sig(int bits) implements ParamType {
        public String kind() { return "sig"; }
        public String describe() { return "Sig" + bits; }
        public Optional<String> check(String v) {
            return ValueChecks.integer(v, -(1L << (bits - 1)), (1L << (bits - 1)) - 1, describe());
        }
    }

    /** {@code Str<n>}: up to n printable characters. */
    record Str(int maxLength) implements ParamType {
        public String kind() { return "str"; }
        public String describe() { return "Str" + maxLength; }
        public Optional<String> check(String v) { return ValueChecks.str(v, maxLength); }
    }

    /** {@code IP}: dotted quad, each part 0–255. */
    record Ip() implements ParamType {
        public String kind() { return "ip"; }
        public String describe() { return "IP"; }
        public Optional<String> check(String v) { return ValueChecks.ip(v); }
    }

    /** {@code Port}: 0–65535, decimal or hex. */
    record Port() implements ParamType {
        public String kind() { return "port"; }
        public String describe() { return "Port"; }
        public Optional<String> check(String v) { return ValueChecks.integer(v, 0, 65535, "Port"); }
    }

    /** {@code FQDN}: host name or IP, optionally {@code :port}; at most 63 characters. */
    record Fqdn() implements ParamType {
        public String kind() { return "fqdn"; }
        public String describe() { return "FQDN"; }
        public Optional<String> check(String v) { return ValueChecks.fqdn(v); }
    }

    /** {@code Phone}: a number or URL such as {@code 1234@10.10.10.100:5068}; at most 39 characters. */
    record Phone() implements ParamType {
        public String kind() { return "phone"; }
        public String describe() { return "Phone"; }
        public Optional<String> check(String v) { return ValueChecks.token(v, 39, "Phone"); }
    }

    /** {@code UserID}: a user id as in a URL; at most 63 characters, no white space. */
    record UserId() implements ParamType {
        public String kind() { return "userid"; }
        public String describe() { return "UserID"; }
        public Optional<String> check(String v) { return ValueChecks.token(v, 63, "UserID"); }
    }

    /** {@code ActCode}: an activation code such as {@code *69}; digits, {@code *} and {@code #}. */
    record ActCode() implements ParamType {
        public String kind() { return "actcode"; }
        public String describe() { return "ActCode"; }
        public Optional<String> check(String v) { return ValueChecks.actCode(v); }
    }

    /** {@code Time<n>}: non-negative seconds with decimals ({@code .5}); extra decimals are ignored. */
    record Time(int decimals) implements ParamType {
        public String kind() { return "time"; }
        public String describe() { return "Time" + decimals; }
        public Optional<String> check(String v) { return ValueChecks.decimal(v, false, Integer.MAX_VALUE, describe()); }
    }

    /** {@code PwrLevel}: a level in dBm (or a gain in dB) with at most one decimal. */
    record PwrLevel() implements ParamType {
        public String kind() { return "pwrlevel"; }
        public String describe() { return "PwrLevel"; }
        public Optional<String> check(String v) { return ValueChecks.decimal(v, true, 1, describe()); }
    }

    /** {@code PhTmplt} ({@code phtmplt}) or {@code RscTmplt} ({@code rsctmplt}): comma-separated patterns. */
    record Template(String kind) implements ParamType {
        public String describe() { return kind.equals("rsctmplt") ? "RscTmplt" : "PhTmplt"; }
        public Optional<String> check(String v) { return ValueChecks.template(v, kind.equals("rsctmplt")); }
    }

    /**
     * Scripts: {@code cadscript}, {@code freqscript}, {@code tonescript} (≤ 127 characters, syntax of
     * SPEC §11 checked) and {@code dialplan} (length only; the dial-plan language is out of scope).
     */
    record Script(String kind) implements ParamType {
        public String describe() {
            return switch (kind) {
                case "cadscript" -> "CadScript";
                case "freqscript" -> "FreqScript";
                case "tonescript" -> "ToneScript";
                default -> "DialPlanScript";
            };
        }
        public Optional<String> check(String v) { return ToneScripts.check(kind, v); }
    }

    /**
     * Rule-language values: {@code rule} (Profile_Rule*), {@code upgrade-rule}, {@code report-rule}
     * (they differ in the options they allow, SPEC §6.4, §6.6, §8) and {@code condition}; at most
     * 1023 characters here.
     */
    record Rule(String kind) implements ParamType {
        public String describe() {
            return kind.equals("condition") ? "Condition" : "ProvisioningRuleSyntax";
        }
        public Optional<String> check(String v) { return ValueChecks.str(v, 1023); }
    }

    /** A resync/upgrade schedule (SPEC §7.3): {@code seconds[+random]} elements separated by commas. */
    record Schedule() implements ParamType {
        public String kind() { return "schedule"; }
        public String describe() { return "Schedule"; }
        public Optional<String> check(String v) { return ValueChecks.schedule(v); }
    }

    /** A firmware version such as {@code 5.1.10(GW)} or {@code 7.5.2b} (SPEC §15.7). */
    record Version() implements ParamType {
        public String kind() { return "version"; }
        public String describe() { return "Version"; }
        public Optional<String> check(String v) { return ValueChecks.version(v); }
    }

    /** A MAC address: 12 hex digits, optionally separated by {@code :} or {@code -}. */
    record Mac() implements ParamType {
        public String kind() { return "mac"; }
        public String describe() { return "MAC"; }
        public Optional<String> check(String v) { return ValueChecks.mac(v); }
    }

    /**
     * Parses a catalog type spec: {@code bool}, {@code choice} (with {@code choices}), {@code uns8},
     * {@code sig16}, {@code str:127}, {@code time:3}, {@code ip}, {@code port}, {@code fqdn}, {@code phone},
     * {@code userid}, {@code actcode}, {@code pwrlevel}, {@code phtmplt}, {@code rsctmplt},
     * {@code cadscript}, {@code freqscript}, {@code tonescript}, {@code dialplan}, {@code rule},
     * {@code upgrade-rule}, {@code report-rule}, {@code condition}, {@code schedule}, {@code version}, {@code mac}.
     *
     * @throws IllegalArgumentException for an unknown spec
     */
    static ParamType parse(String spec, List<String> choices) {
        int colon = spec.indexOf(':');
        String head = colon < 0 ? spec : spec.substring(0, colon);
        int arg = colon < 0 ? 0 : Integer.parseInt(spec.substring(colon + 1));
        return switch (head) {
            case "bool" -> new Bool();
            case "choice" -> new Choice(choices);
            case "uns8" -> new Uns(8);
            case "uns16" -> new Uns(16);
            case "uns32" -> new Uns(32);
            case "sig8" -> new Sig(8);
            case "sig16" -> new Sig(16);
            case "sig32" -> new Sig(32);
            case "str" -> new Str(arg == 0 ? 127 : arg);
            case "time" -> new Time(arg);
            case "ip" -> new Ip();
            case "port" -> new Port();
            case "fqdn" -> new Fqdn();
            case "phone" -> new Phone();
            case "userid" -> new UserId();
            case "actcode" -> new ActCode();
            case "pwrlevel" -> new PwrLevel();
            case "phtmplt", "rsctmplt" -> new Template(head);
            case "cadscript", "freqscript", "tonescript", "dialplan" -> new Script(head);
            case "rule", "upgrade-rule", "report-rule", "condition" -> new Rule(head);
            case "schedule" -> new Schedule();
            case "version" -> new Version();
            case "mac" -> new Mac();
            default -> throw new IllegalArgumentException("unknown parameter type " + spec);
        };
    }
}
