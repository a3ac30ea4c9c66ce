package org.spaprov.server.provision;

import org.spaprov.server.device.DeviceRecord;
import org.spaprov.server.store.Contact;
import org.spaprov.server.store.Store;

/**
 * Finds the identified device in the site ({@code devices.csv}), else in the store, and records the
 * contact (time, address, protocol, User-Agent, firmware version) for known devices.
 */
final class ResolveStage implements Stage {
    private final Store store;

    ResolveStage(Store store) {
        this.store = store;
    }

    @Override
    public ProvisionResult handle(RequestContext ctx, Next next) {
        if (ctx.mac().isEmpty()) {
            return next.proceed(ctx);
        }
        String mac = ctx.mac().get();
        DeviceRecord d = ctx.site().devices().get(mac);
        if (d == null) {
            d = store.device(mac).orElse(null);
        }
        if (d == null) {
            return next.proceed(ctx);
        }
        contact(store, ctx.request(), mac);
        return next.proceed(ctx.withDevice(d));
    }

    /** Queues the device's last contact (never blocks). */
    static void contact(Store store, ProvisionRequest r, String mac) {
        store.contact(new Contact(mac, store.clock().instant(), r.remote().getAddress().getHostAddress(),
                r.protocol().scheme(), r.userAgent(), r.userAgent().flatMap(UserAgent::parse).map(UserAgent::version)));
    }
}
