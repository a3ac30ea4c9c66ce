package org.spaprov.server.provision;

/**
 * Refuses (429) addresses that sweep MAC-named files ({@link EnumerationThrottle}). Only profile
 * requests for unknown MACs identified by name count; known devices and certificate-identified
 * devices behind the same address keep being served.
 */
final class ThrottleStage implements Stage {
    private final EnumerationThrottle throttle;

    ThrottleStage(EnumerationThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public ProvisionResult handle(RequestContext ctx, Next next) {
        if (ctx.kind() != FileKind.PROFILE || ctx.device().isPresent() || ctx.byCert() || ctx.mac().isEmpty()) {
            return next.proceed(ctx);
        }
        String address = ctx.request().remote().getAddress().getHostAddress();
        if (!throttle.allow(address, ctx.mac().get(), ctx.site().config().throttle())) {
            return ctx.error(429, "enumeration from " + address + " throttled");
        }
        return next.proceed(ctx);
    }
}
