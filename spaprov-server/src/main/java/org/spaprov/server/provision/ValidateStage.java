package org.spaprov.server.provision;

import java.util.List;
import org.spaprov.profile.Finding;
import org.spaprov.server.site.Formats;

/**
 * Validates a built per-device profile against its model's catalog: a profile with errors is not
 * served (500, the reason names the first error's file:line and how many more). Bootstrap profiles
 * are partial and pass through.
 */
final class ValidateStage implements Stage {
    @Override
    public ProvisionResult handle(RequestContext ctx, Next next) {
        if (ctx.kind() != FileKind.PROFILE) {
            return next.proceed(ctx);
        }
        List<Finding> errors = Formats.validate(ctx.device().orElseThrow().model(), ctx.profile().orElseThrow()).stream()
                .filter(Finding::isError).toList();
        if (!errors.isEmpty()) {
            return ctx.error(500, "invalid profile: " + errors.get(0)
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
        }
        return next.proceed(ctx);
    }
}
