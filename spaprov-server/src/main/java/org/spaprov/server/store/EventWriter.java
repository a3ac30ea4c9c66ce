package org.spaprov.server.store;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes events and last contacts in batches on one background thread, so the request path only
 * enqueues (contacts are coalesced: the newest per device). A full queue drops the event (counted in {@link #dropped()}) rather than slowing a
 * device down. Thread-safe.
 */
final class EventWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventWriter.class);
    private static final int QUEUE = 100_000;
    private static final int BATCH = 2_000;

    private final Jdbi jdbi;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Map<String, Contact> contacts = new java.util.concurrent.ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    EventWriter(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.thread = Thread.ofPlatform().name("spaprov-event-writer").daemon(true).unstarted(new Drainer());
        thread.start();
    }

    void add(ProvisionEvent e) {
        if (!queue.offer(e)) {
            dropped.incrementAndGet();
        }
    }

    void add(Contact c) {
        // Coalesced per device: only the newest contact of each device is written per batch.
        contacts.put(c.mac(), c);
    }

    long dropped() {
        return dropped.get();
    }

    long written() {
        return written.get();
    }

    /** Events and contacts waiting to be written now. */
    int queued() {
        return queue.size();
    }

    /** Returns when everything enqueued before the call is written. */
    void flush() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            queue.put(done);
            done.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("store: flushing events failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        flush();
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The writer thread: take one, drain up to a batch, write, complete flush markers. */
    private final class Drainer implements Runnable {
        @Override
        public void run() {
            List<Object> batch = new ArrayList<>(BATCH);
            while (running) {
                try {
                    Object first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first != null) {
                        batch.add(first);
                        queue.drainTo(batch, BATCH - 1);
                    }
                    if (!batch.isEmpty() || !contacts.isEmpty()) {
                        write(batch);
                    }
                } catch (InterruptedException e) {
                    if (!running) {
                        break;
                    }
                } catch (RuntimeException e) {
                    LOG.warn("store: writing {} events failed: {}", batch.size(), e.toString());
                    complete(batch);
                } finally {
                    batch.clear();
                }
            }
        }

        private void write(List<Object> batch) {
            List<ProvisionEvent> events = new ArrayList<>();
            for (Object o : batch) {
                if (o instanceof ProvisionEvent e) {
                    events.add(e);
                }
            }
            Map<String, Contact> latest = new LinkedHashMap<>();
            for (String mac : List.copyOf(contacts.keySet())) {
                Contact c = contacts.remove(mac);
                if (c != null) {
                    latest.put(mac, c);
                }
            }
            if (!events.isEmpty() || !latest.isEmpty()) {
                jdbi.useTransaction(h -> {
                    insertEvents(h, events);
                    for (Contact c : latest.values()) {
                        upsertContact(h, c);
                    }
                });
                written.addAndGet(events.size());
            }
            complete(batch);
        }

        private void complete(List<Object> batch) {
            for (Object o : batch) {
                if (o instanceof CompletableFuture<?> f) {
                    ((CompletableFuture<?>) f).complete(null);
                }
            }
        }
    }

    private static void insertEvents(Handle h, List<ProvisionEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        PreparedBatch b = h.prepareBatch("INSERT INTO events (occurred_at, mac, address, protocol, file_name, status,"
                + " bytes, duration_us, reason) VALUES (:at, :mac, :address, :protocol, :file, :status, :bytes, :us, :reason)");
        for (ProvisionEvent e : events) {
            b.bind("at", Timestamp.from(e.at())).bind("mac", e.mac().orElse(null)).bind("address", e.address())
                    .bind("protocol", e.protocol()).bind("file", e.file()).bind("status", e.status())
                    .bind("bytes", e.bytes()).bind("us", e.duration().toNanos() / 1000).bind("reason", e.reason())
                    .add();
        }
        b.execute();
    }

    static void upsertContact(Handle h, Contact c) {
        // Portable upsert (H2 and PostgreSQL differ in MERGE/ON CONFLICT): update, else insert.
        int n = h.createUpdate("UPDATE last_contact SET seen_at = :at, address = :address, protocol = :protocol,"
                + " user_agent = :ua, firmware = :fw WHERE mac = :mac")
                .bind("at", Timestamp.from(c.at())).bind("address", c.address()).bind("protocol", c.protocol())
                .bind("ua", c.userAgent().orElse(null)).bind("fw", c.firmware().orElse(null)).bind("mac", c.mac())
                .execute();
        if (n == 0) {
            h.createUpdate("INSERT INTO last_contact (mac, seen_at, address, protocol, user_agent, firmware)"
                    + " VALUES (:mac, :at, :address, :protocol, :ua, :fw)")
                    .bind("at", Timestamp.from(c.at())).bind("address", c.address()).bind("protocol", c.protocol())
                    .bind("ua", c.userAgent().orElse(null)).bind("fw", c.firmware().orElse(null)).bind("mac", c.mac())
                    .execute();
        }
    }
}
