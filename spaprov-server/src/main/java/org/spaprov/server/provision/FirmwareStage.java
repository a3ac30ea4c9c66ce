package org.spaprov.server.provision;

import java.util.Optional;
import org.spaprov.server.site.FirmwareFile;

/**
 * Serves {@code /firmware/<file>} from the site's {@code firmware/} folder with its ETag (304 is
 * {@link ConditionalStage}'s, byte ranges the transport's). Other kinds pass on.
 */
final class FirmwareStage implements Stage {
    @Override
    public ProvisionResult handle(RequestContext ctx, Next next) {
        if (ctx.kind() != FileKind.FIRMWARE) {
            return next.proceed(ctx);
        }
        Optional<FirmwareFile> f = ctx.site().firmware().file(ctx.name().file());
        if (f.isEmpty()) {
            return ctx.error(404, "no such firmware");
        }
        return ProvisionResult.ok(f.get().bytes(), "application/octet-stream", f.get().etag(), "firmware", ctx.mac());
    }
}
