package org.spaprov.server.store;

/** The device inventory and event log (H2 or PostgreSQL). Thread-safe. */
public final class Store implements AutoCloseable {
    @Override
    public void close() {
    }
}
