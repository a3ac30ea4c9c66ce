package org.spaprov.device.engine;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.spaprov.device.fetch.FetchError;
import org.spaprov.device.fetch.FetchResult;
import org.spaprov.device.state.DeviceModel;
import org.spaprov.profile.Access;
import org.spaprov.rules.Macros;
import org.spaprov.rules.RuleKind;
import org.spaprov.rules.RuleOutcome;
import org.spaprov.rules.RuleUrl;
import org.spaprov.rules.Rules;

/**
 * What one resync fetches and applies (SPEC §6.2, §6.5): the given URL, or Profile_Rule,
 * Profile_Rule_B, _C and _D in order, stopping at the first failure; each file is applied whole
 * once it is read. When and how often resyncs run is the engine's business.
 */
final class ResyncSequence {
    /** Largest profile accepted. */
    static final long MAX_PROFILE = 4L << 20;
    private static final List<String> RULES = List.of("Profile_Rule", "Profile_Rule_B", "Profile_Rule_C", "Profile_Rule_D");

    private final DeviceModel model;
    private final Params params;
    private final EngineVariables vars;
    private final Downloader downloader;
    private final BiConsumer<Map<String, String>, Map<String, Access>> apply;

    /** @param apply applies values and access levels to the device (persisted) */
    ResyncSequence(DeviceModel model, Params params, EngineVariables vars, Downloader downloader,
            BiConsumer<Map<String, String>, Map<String, Access>> apply) {
        this.model = model;
        this.params = params;
        this.vars = vars;
        this.downloader = downloader;
        this.apply = apply;
    }

    /**
     * Runs the sequence; returns "" on success or the $ERR.
     *
     * @param url       a URL to fetch instead of the rules ({@code /admin/resync?url}, NOTIFY)
     * @param requester the host that asked, standing in for a missing server in {@code url}
     */
    String run(Optional<String> url, String requester) {
        vars.clearUrl();
        if (url.isPresent()) {
            Optional<RuleUrl> t = parseUrl(url.get());
            return t.isEmpty() ? FetchError.BAD_URL.err() : fetchAndApply(withHost(t.get(), requester), null, null, null);
        }
        for (String rule : RULES) {
            String err = runRule(params.get(rule));
            if (!err.isEmpty()) {
                return err;
            }
        }
        return "";
    }

    private String runRule(String ruleText) {
        return switch (Rules.evaluate(ruleText, RuleKind.PROFILE, EngineVariables.of(vars.forRules()))) {
            case RuleOutcome.Skipped s -> "";
            case RuleOutcome.BadRule b -> FetchError.BAD_URL.err();
            case RuleOutcome.Selected s -> {
                apply.accept(s.assignments(), Map.of());
                yield s.url().isEmpty() ? "" : fetchAndApply(s.url().get(), s.options().key().orElse(null),
                        s.options().post().map(Character::toUpperCase).orElse(null),
                        s.options().alias().map(Character::toUpperCase).orElse(null));
            }
        };
    }

    /** @param post the GPP letter of {@code --post}; {@code alias} that of {@code --alias}; either may be null */
    private String fetchAndApply(RuleUrl t, String key, Character post, Character alias) {
        Optional<byte[]> body = post == null || t.scheme().equals("tftp") ? Optional.empty()
                : Optional.of(Macros.expand(params.get("GPP_" + post), EngineVariables.of(vars.map()))
                        .getBytes(StandardCharsets.UTF_8));
        FetchResult res = downloader.fetch(t, body, MAX_PROFILE, false, params.get("Restricted_Access_Domains"));
        if (res instanceof FetchResult.Failed f) {
            return f.error() == FetchError.FILE_NOT_FOUND && !params.yes("Resync_Fails_On_FNF") ? "" : f.error().err();
        }
        try {
            ProfileLoader.Loaded file = ProfileLoader.load(((FetchResult.Ok) res).body(), key,
                    alias == null ? null : params.get("GPP_" + alias), t.path(), model);
            apply.accept(file.values(), file.access());
            return "";
        } catch (ProfileLoader.Rejected e) {
            return e.err();
        }
    }

    /** An expanded URL (default scheme tftp); empty when malformed. */
    static Optional<RuleUrl> parseUrl(String url) {
        try {
            return Optional.of(RuleUrl.parse(url.trim()));
        } catch (IllegalArgumentException e) { // RuleSyntaxException included
            return Optional.empty();
        }
    }

    /** SPEC §15.19: a URL without server goes to the host that asked for the resync or upgrade. */
    static RuleUrl withHost(RuleUrl t, String requester) {
        return t.host().isPresent() || requester == null || requester.isEmpty() ? t
                : new RuleUrl(t.scheme(), Optional.of(requester), t.port(), t.path());
    }
}
