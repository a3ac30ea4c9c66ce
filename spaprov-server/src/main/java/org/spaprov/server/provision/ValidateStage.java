package org.spaprov.server.provision;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.spaprov.profile.Finding;
import org.spaprov.profile.catalog.Catalogs;
import org.spaprov.profile.validate.Validator;
import org.spaprov.rules.RuleChecks;

/**
 * Validates a built per-device profile against its model's catalog: a profile with errors is not
 * served (500, the reason names the first error's file:line and how many more). Bootstrap profiles
 * are partial and pass through. Not strict: unknown names are warnings. Messages never quote a secret value.
 */
final class ValidateStage implements Stage {
    /** One validator per model, with the rule-language checks (built once, reused: they are immutable). */
    private static final Map<String, Validator> VALIDATORS = new ConcurrentHashMap<>();

    @Override
    public ProvisionResult handle(RequestContext ctx, Next next) {
        if (ctx.kind() != FileKind.PROFILE) {
            return next.proceed(ctx);
        }
        List<Finding> errors = validator(ctx.device().orElseThrow().model()).validate(ctx.profile().orElseThrow(), false).stream()
                .filter(Finding::isError).toList();
        if (!errors.isEmpty()) {
            return ctx.error(500, "invalid profile: " + errors.get(0)
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
        }
        return next.proceed(ctx);
    }

    static Validator validator(String model) {
        return VALIDATORS.computeIfAbsent(model, m -> new Validator(Catalogs.get(m), RuleChecks.checks()));
    }
}
