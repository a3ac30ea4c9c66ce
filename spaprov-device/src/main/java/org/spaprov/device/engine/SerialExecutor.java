package org.spaprov.device.engine;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one device's tasks one at a time in submission order on top of a {@link Scheduler}, so the
 * state machine needs no locks. A task that throws is reported to the handler and does not stop
 * the ones after it.
 */
public final class SerialExecutor {
    private final Scheduler scheduler;
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final java.util.function.Consumer<RuntimeException> onError;

    public SerialExecutor(Scheduler scheduler, java.util.function.Consumer<RuntimeException> onError) {
        this.scheduler = scheduler;
        this.onError = onError;
    }

    public void execute(Runnable task) {
        queue.add(task);
        if (running.compareAndSet(false, true)) {
            scheduler.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            Runnable r;
            while ((r = queue.poll()) != null) {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    onError.accept(e);
                }
            }
            running.set(false);
            // a task added between the last poll and set(false) must not be stranded
            if (queue.isEmpty() || !running.compareAndSet(false, true)) {
                return;
            }
        }
    }
}
