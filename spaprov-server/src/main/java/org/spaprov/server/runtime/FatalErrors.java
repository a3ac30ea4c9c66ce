package org.spaprov.server.runtime;

import java.util.Objects;

/**
 * The process's one policy for fatal errors: an {@link OutOfMemoryError}, a {@link StackOverflowError} or any
 * other {@link VirtualMachineError}, in any thread, ends the process at once with {@link #EXIT_STATUS}, so that a
 * supervisor (systemd {@code Restart=on-failure}) starts a fresh one. A JVM that has thrown one may have lost an
 * event loop or an accept thread; half alive, it would refuse every device while looking up. The process halts
 * rather than exits: shutdown hooks would need memory and locks that may be gone.
 *
 * <p>{@link #install()} makes it the default uncaught-exception handler (threads that die); transports call
 * {@link #check(Throwable)} where they catch throwables themselves (Netty's {@code exceptionCaught}, tasks run on
 * an event loop). Thread-safe.
 */
public final class FatalErrors {
    /** Exit status of a fatal error (EX_SOFTWARE); distinct from the CLI's 1 (invalid input) and 2 (usage). */
    public static final int EXIT_STATUS = 70;

    /** How the process ends; replaceable so that tests can observe it. */
    @FunctionalInterface
    public interface Halt {
        void halt(int status);
    }

    private static final Halt RUNTIME = status -> Runtime.getRuntime().halt(status);
    private static volatile Halt halt = RUNTIME;

    private FatalErrors() {
    }

    /**
     * Installs the policy as the default uncaught-exception handler. A non-fatal throwable that kills a thread is
     * printed in one line (threads with their own handler are not affected).
     */
    public static void install() {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            check(e);
            System.err.println("spaprov: thread " + t.getName() + " died: " + e);
        });
    }

    /** True for a {@link VirtualMachineError} anywhere in the cause chain. */
    public static boolean isFatal(Throwable t) {
        for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
            if (t instanceof VirtualMachineError) {
                return true;
            }
        }
        return false;
    }

    /** Halts the process when {@code t} is fatal; returns otherwise. */
    public static void check(Throwable t) {
        if (!isFatal(t)) {
            return;
        }
        try {
            System.err.println("spaprov: fatal " + t.getClass().getName() + " in thread "
                    + Thread.currentThread().getName() + ": exiting with status " + EXIT_STATUS);
        } catch (Throwable ignored) {
            // Out of memory even for the message: halt anyway.
        }
        halt.halt(EXIT_STATUS);
    }

    /**
     * Replaces how the process ends (tests); returns the previous one. {@code null} restores
     * {@link Runtime#halt}.
     */
    public static Halt onFatal(Halt h) {
        Halt previous = halt;
        halt = h == null ? RUNTIME : h;
        return Objects.requireNonNull(previous);
    }
}
