package org.spaprov.server.provision;

/**
 * One step of {@link ProvisionChain}: answer the request itself, or pass a (possibly enriched)
 * context to {@code next}. Implementations are small, stateless or thread-safe, and never throw for
 * bad input.
 */
@FunctionalInterface
public interface Stage {
    ProvisionResult handle(RequestContext ctx, Next next);

    /** The rest of the chain. */
    @FunctionalInterface
    interface Next {
        ProvisionResult proceed(RequestContext ctx);
    }
}
