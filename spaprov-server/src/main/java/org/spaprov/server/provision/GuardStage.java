package org.spaprov.server.provision;

import java.util.Optional;

/**
 * Confines the path ({@link PathGuard}: refused → 403) and names it ({@link RequestNaming}: no match
 * → 404). Sets {@link RequestContext#named()}.
 */
final class GuardStage implements Stage {
    /** The compiled patterns of the last site seen (sites change rarely; compile once per change). */
    private volatile RequestNaming naming;
    private volatile Object namingOf;

    @Override
    public ProvisionResult handle(RequestContext ctx, Next next) {
        PathGuard.Result r = PathGuard.check(ctx.request().path());
        if (r instanceof PathGuard.Refused(String reason)) {
            return ctx.error(403, "refused path: " + reason);
        }
        PathGuard.Ok ok = (PathGuard.Ok) r;
        Optional<RequestNaming.Named> n = naming(ctx).name(ok.path(), ok.query());
        if (n.isEmpty()) {
            return ctx.error(404, "no such file");
        }
        return next.proceed(ctx.withNamed(n.get()).withMac(n.get().mac(), false));
    }

    private RequestNaming naming(RequestContext ctx) {
        var cfg = ctx.site().config().naming();
        RequestNaming n = naming;
        if (n == null || namingOf != cfg) {
            n = new RequestNaming(cfg);
            naming = n;
            namingOf = cfg;
        }
        return n;
    }
}
