package org.spaprov.server.provision;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spaprov.profile.catalog.Catalog;
import org.spaprov.profile.catalog.Catalogs;
import org.spaprov.server.device.DeviceRecord;
import org.spaprov.server.store.Store;

/**
 * The unknown-device policy of the site for a profile request naming a device that is in neither
 * the site nor the store: {@code deny} → 404; {@code bootstrap-only} → the bootstrap profile is served
 * in its place; {@code auto-add} → the device is added to the store with the model (and serial) from
 * its User-Agent, else 404. A certificate-identified unknown device asking for a bootstrap name is
 * refused (404) under {@code deny}. A plain-name profile of a device with a key is refused (403)
 * unless the request came over HTTPS.
 */
final class PolicyStage implements Stage {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyStage.class);
    private final Store store;

    PolicyStage(Store store) {
        this.store = store;
    }

    @Override
    public ProvisionResult handle(RequestContext ctx, Next next) {
        if (ctx.kind() == FileKind.PROFILE && ctx.name().plain() && ctx.device().flatMap(DeviceRecord::key).isPresent()
                && ctx.request().protocol() != Protocol.HTTPS) {
            // A device with a key gets its secrets encrypted, or in the clear only inside TLS.
            return ctx.error(403, "device has a key: plain profile only over HTTPS");
        }
        if (ctx.kind() == FileKind.FIRMWARE || ctx.device().isPresent() || ctx.mac().isEmpty()) {
            return next.proceed(ctx);
        }
        var policy = ctx.site().config().unknownDevices();
        if (ctx.kind() == FileKind.BOOTSTRAP) {
            return ctx.byCert() && policy == org.spaprov.server.config.ServerConfig.UnknownDevicePolicy.DENY
                    ? ctx.error(404, "unknown device") : next.proceed(ctx);
        }
        return switch (policy) {
            case DENY -> ctx.error(404, "unknown device");
            case BOOTSTRAP_ONLY -> next.proceed(ctx.withNamedKind(FileKind.BOOTSTRAP));
            case AUTO_ADD -> autoAdd(ctx, next);
        };
    }

    private ProvisionResult autoAdd(RequestContext ctx, Next next) {
        Optional<UserAgent> ua = ctx.request().userAgent().flatMap(UserAgent::parse);
        Optional<String> model = ua.flatMap(u -> Catalogs.forName(u.productName()).map(Catalog::model));
        if (model.isEmpty()) {
            return ctx.error(404, "unknown device; auto-add needs a User-Agent naming a known model");
        }
        DeviceRecord d = new DeviceRecord(ctx.mac().get(), model.get(), ua.get().serial(), List.of(), Optional.empty(),
                Map.of(), DeviceRecord.Source.AUTO);
        try {
            store.putDevice(d);
        } catch (RuntimeException e) {
            LOG.warn("device {}: auto-add failed: {}", d.mac(), e.toString());
            return ctx.error(500, "auto-add failed");
        }
        ResolveStage.contact(store, ctx.request(), d.mac());
        LOG.info("device {}: auto-added as {} from {}", d.mac(), d.model(), ctx.request().remote().getAddress().getHostAddress());
        return next.proceed(ctx.withDevice(d));
    }
}
