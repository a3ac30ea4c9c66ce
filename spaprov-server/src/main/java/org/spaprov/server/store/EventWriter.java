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
 * enqueues (contacts are coalesced: the newest per device). A batch is written as soon as it is
 * taken (the thread waits at most {@value #POLL_MS} ms for the first item), so a kill -9 loses at
 * most what arrived during the last write.
 *
 * <p>Refusals (4xx) are aggregated: the first from an address with a status in a minute (of the
 * store's clock) is written at once, later ones only raise its {@code repeat_count} — so a flood of
 * 404s from one address costs one row a minute. A full queue drops the event rather than slowing a
 * device down: counted ({@link #dropped()}, metered as {@code spaprov_events_dropped_total}) and
 * logged (at most one line a minute). Retention runs here too, once a minute. Thread-safe.
 */
final class EventWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventWriter.class);
    private static final int QUEUE = 100_000;
    private static final int BATCH = 2_000;
    static final int POLL_MS = 200;
    /** Open aggregates at most (one per address, status and minute); beyond, refusals queue one by one. */
    private static final int MAX_OPEN = 50_000;

    private final Jdbi jdbi;
    private final java.time.Clock clock;
    private final Runnable prune;
    private final Map<AggregateKey, Aggregate> open = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong lastDropLog = new AtomicLong(Long.MIN_VALUE);
    private long nextPruneMinute = Long.MIN_VALUE;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Map<String, Contact> contacts = new java.util.concurrent.ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    EventWriter(Jdbi jdbi, java.time.Clock clock, Runnable prune) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.prune = prune;
        this.thread = Thread.ofPlatform().name("spaprov-event-writer").daemon(true).unstarted(new Drainer());
        thread.start();
    }

    private record AggregateKey(String address, int status, long minute) {
    }

    /** The first refusal of its key, the count so far, and (once written) its row and the count written. */
    private static final class Aggregate {
        final ProvisionEvent first;
        final java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger(1);
        volatile long id = -1;
        volatile int written;

        Aggregate(ProvisionEvent first) {
            this.first = first;
        }
    }

    void add(ProvisionEvent e) {
        if (e.isRefusal()) {
            AggregateKey k = new AggregateKey(e.address(), e.status(), minute(e.at()));
            Aggregate a = open.get(k);
            if (a == null && open.size() < MAX_OPEN) {
                Aggregate fresh = new Aggregate(e);
                a = open.putIfAbsent(k, fresh);
                if (a == null) {
                    if (!offer(fresh, e)) {
                        open.remove(k, fresh);
                    }
                    return;
                }
            }
            if (a != null) {
                a.count.incrementAndGet();
                return;
            }
        }
        offer(e, e);
    }

    private boolean offer(Object item, ProvisionEvent e) {
        if (queue.offer(item)) {
            return true;
        }
        long n = dropped.incrementAndGet();
        long m = minute(e.at());
        long last = lastDropLog.get();
        if (m != last && lastDropLog.compareAndSet(last, m)) {
            LOG.warn("store: event queue full ({} events): {} events dropped so far (spaprov_events_dropped_total)",
                    QUEUE, n);
        }
        return false;
    }

    private static long minute(java.time.Instant t) {
        return Math.floorDiv(t.getEpochSecond(), 60);
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
                    Object first = queue.poll(POLL_MS, TimeUnit.MILLISECONDS);
                    if (first != null) {
                        batch.add(first);
                        queue.drainTo(batch, BATCH - 1);
                    }
                    if (!batch.isEmpty() || !contacts.isEmpty() || !open.isEmpty()) {
                        write(batch);
                    }
                    pruneEveryMinute();
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

        private void pruneEveryMinute() {
            long m = minute(clock.instant());
            if (m >= nextPruneMinute) {
                nextPruneMinute = m + 1;
                try {
                    prune.run();
                } catch (RuntimeException e) {
                    LOG.warn("store: pruning events failed: {}", e.toString());
                }
            }
        }

        private void write(List<Object> batch) {
            List<ProvisionEvent> events = new ArrayList<>();
            List<Aggregate> firsts = new ArrayList<>();
            for (Object o : batch) {
                if (o instanceof ProvisionEvent e) {
                    events.add(e);
                } else if (o instanceof Aggregate a) {
                    firsts.add(a);
                }
            }
            Map<String, Contact> latest = new LinkedHashMap<>();
            for (String mac : List.copyOf(contacts.keySet())) {
                Contact c = contacts.remove(mac);
                if (c != null) {
                    latest.put(mac, c);
                }
            }
            if (!events.isEmpty() || !latest.isEmpty() || !firsts.isEmpty()) {
                jdbi.useTransaction(h -> {
                    insertEvents(h, events);
                    for (Aggregate a : firsts) {
                        int n = a.count.get();
                        a.id = insertEvent(h, a.first, n);
                        a.written = n;
                    }
                    for (Contact c : latest.values()) {
                        upsertContact(h, c);
                    }
                });
                written.addAndGet(events.size() + firsts.size());
            }
            updateCounts();
            complete(batch);
        }

        /** Writes the counts that grew since, and forgets aggregates of past minutes once written. */
        private void updateCounts() {
            long now = minute(clock.instant());
            List<Aggregate> grown = new ArrayList<>();
            for (var it = open.entrySet().iterator(); it.hasNext(); ) {
                var en = it.next();
                Aggregate a = en.getValue();
                if (a.id < 0) {
                    continue;
                }
                if (a.count.get() > a.written) {
                    grown.add(a);
                } else if (en.getKey().minute() < now) {
                    it.remove();
                }
            }
            if (!grown.isEmpty()) {
                jdbi.useTransaction(h -> {
                    PreparedBatch b = h.prepareBatch("UPDATE events SET repeat_count = :n WHERE id = :id");
                    for (Aggregate a : grown) {
                        int n = a.count.get();
                        b.bind("n", n).bind("id", a.id).add();
                        a.written = n;
                    }
                    b.execute();
                });
            }
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

    private static long insertEvent(Handle h, ProvisionEvent e, int count) {
        return h.createUpdate("INSERT INTO events (occurred_at, mac, address, protocol, file_name, status, bytes,"
                + " duration_us, reason, repeat_count) VALUES (:at, :mac, :address, :protocol, :file, :status, :bytes, :us,"
                + " :reason, :n)")
                .bind("at", Timestamp.from(e.at())).bind("mac", e.mac().orElse(null)).bind("address", e.address())
                .bind("protocol", e.protocol()).bind("file", e.file()).bind("status", e.status())
                .bind("bytes", e.bytes()).bind("us", e.duration().toNanos() / 1000).bind("reason", e.reason())
                .bind("n", count)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
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
