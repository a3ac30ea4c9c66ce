package org.spaprov.device.engine;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.spaprov.device.fetch.FetchError;
import org.spaprov.device.fetch.FetchResult;
import org.spaprov.device.state.DeviceModel;
import org.spaprov.device.state.PersistentState;
import org.spaprov.profile.firmware.FirmwareException;
import org.spaprov.profile.firmware.FirmwareImage;
import org.spaprov.rules.RuleUrl;

/**
 * One upgrade attempt (SPEC §6.6, §7.5): what to fetch (an explicit URL, or Upgrade_Rule with
 * {@code $UPGST} set to the attempt's number), loop protection, the download and the checks of
 * the image. It remembers the failed Upgrade_Rule upgrade, which only its retry timer may try
 * again, and the position in Upgrade_Error_Retry_Delay. Installing, timers and events are the
 * engine's. Used on the device's executor only.
 */
final class Upgrader {
    /** Largest firmware image accepted. */
    static final long MAX_FIRMWARE = 64L << 20;

    /** An upgrade to attempt: from {@code url}, else from Upgrade_Rule; {@code retry} sets $UPGST 2. */
    record Ask(Optional<String> url, String requester, boolean retry) {
        static final Ask RULE = new Ask(Optional.empty(), "", false);
        static final Ask RETRY = new Ask(Optional.empty(), "", true);
    }

    /** How an attempt ended. */
    sealed interface Outcome {
        /** No upgrade to make now (nothing selected, or loop protection). */
        record Nothing() implements Outcome { }

        /** The attempt failed with $ERR {@code err}. */
        record Failed(String err) implements Outcome { }

        /** {@code image} may be installed; {@code name} is the upgrade's URL to remember. */
        record Install(FirmwareImage image, String name) implements Outcome { }
    }

    private final DeviceModel model;
    private final Params params;
    private final Supplier<PersistentState> state;
    private final EngineVariables vars;
    private final Downloader downloader;
    private final Timers timers;
    private String lastFailed = "";
    private int retryIndex;

    Upgrader(DeviceModel model, Params params, Supplier<PersistentState> state, EngineVariables vars,
            Downloader downloader, Timers timers) {
        this.model = model;
        this.params = params;
        this.state = state;
        this.vars = vars;
        this.downloader = downloader;
        this.timers = timers;
    }

    /** Forgets failures, as a boot does. */
    void reset() {
        lastFailed = "";
        retryIndex = 0;
    }

    /** The Upgrade_Error_Retry_Delay element for the next retry. */
    int nextRetryIndex() {
        return retryIndex++;
    }

    /** One attempt; {@code apply} applies the rule's assignments. */
    Outcome attempt(Ask ask, Consumer<Map<String, String>> apply) {
        int attempt = ask.retry() ? 2 : 1; // $UPGST: 1 first attempt, 2 a retry (SPEC §15.26)
        RuleUrl target;
        String name; // the upgrade's name: what loop protection and the installed-URL record compare
        UpgradeRule rule = null;
        UpgradeRule.Plan.Fetch plan = null;
        if (ask.url().isPresent()) {
            Optional<RuleUrl> t = ResyncSequence.parseUrl(ask.url().get());
            if (t.isEmpty()) {
                vars.clearUrl();
                return failed(false, "", FetchError.BAD_URL.err());
            }
            target = ResyncSequence.withHost(t.get(), ask.requester());
            name = downloader.effective(target);
        } else {
            rule = UpgradeRule.of(params.get("Upgrade_Rule"));
            switch (rule.plan(attempt, vars.forRules(), downloader::effective)) {
                case UpgradeRule.Plan.Bad b -> {
                    vars.clearUrl();
                    return failed(true, "", FetchError.BAD_URL.err());
                }
                case UpgradeRule.Plan.Nothing n -> {
                    apply.accept(n.assignments());
                    return new Outcome.Nothing();
                }
                case UpgradeRule.Plan.Fetch f -> plan = f;
            }
            apply.accept(plan.assignments());
            target = plan.url();
            name = plan.name();
            if (!ask.retry() && (name.equals(state.get().lastUpgradeUrl()) || name.equals(lastFailed))) {
                // SPEC §6.6 loop protection: an upgrade is not fetched again; a failed one only by its retry timer
                return new Outcome.Nothing();
            }
            if (!ask.retry()) {
                timers.cancel(Timers.Kind.UPGRADE); // a new upgrade: the retries of an older one stop
                retryIndex = 0;
            }
        }
        boolean fromRule = rule != null;
        vars.clearUrl();
        vars.startUpgrade(attempt);
        FetchResult r = downloader.fetch(target, Optional.empty(), MAX_FIRMWARE, true,
                params.get("Restricted_Access_Domains"));
        if (r instanceof FetchResult.Failed f) {
            return failed(fromRule, name, f.error().err());
        }
        FirmwareImage img;
        try {
            img = FirmwareImage.parse(((FetchResult.Ok) r).body());
        } catch (FirmwareException e) {
            return failed(fromRule, name, "corrupt file");
        }
        Optional<String> refused = UpgradeRule.refusal(img, model.model(), params.get("Downgrade_Rev_Limit"));
        if (refused.isEmpty() && plan != null && rule.holdsAgain(plan, vars.forRules(), img.version())) {
            refused = Optional.of("rule condition not met");
        }
        if (refused.isPresent()) {
            return failed(fromRule, name, refused.get());
        }
        retryIndex = 0;
        return new Outcome.Install(img, name);
    }

    /** @param fromRule whether Upgrade_Rule's upgrade failed (then {@code name} waits for its retry timer) */
    private Outcome failed(boolean fromRule, String name, String err) {
        if (fromRule) {
            lastFailed = name;
        }
        return new Outcome.Failed(err);
    }
}
