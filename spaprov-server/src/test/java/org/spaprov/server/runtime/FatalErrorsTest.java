package org.spaprov.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FatalErrorsTest {
    private final CompletableFuture<Integer> halted = new CompletableFuture<>();
    private final Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();

    @AfterEach
    void restore() {
        FatalErrors.onFatal(null);
        Thread.setDefaultUncaughtExceptionHandler(before);
    }

    @Test
    void virtualMachineErrorsAnywhereInTheChainAreFatal() {
        assertThat(FatalErrors.isFatal(new OutOfMemoryError())).isTrue();
        assertThat(FatalErrors.isFatal(new RuntimeException(new StackOverflowError()))).isTrue();
        assertThat(FatalErrors.isFatal(new IllegalStateException("boom"))).isFalse();
        assertThat(FatalErrors.isFatal(new AssertionError())).isFalse();
    }

    @Test
    void aThreadDyingOfOutOfMemoryHaltsTheProcessWithStatus70() throws Exception {
        FatalErrors.onFatal(halted::complete);
        FatalErrors.install();
        Thread t = new Thread(() -> {
            throw new OutOfMemoryError("Java heap space");
        }, "spaprov-io-test");
        t.start();
        assertThat(halted.get(30, TimeUnit.SECONDS)).isEqualTo(FatalErrors.EXIT_STATUS);
    }

    @Test
    void aNonFatalErrorDoesNotHalt() {
        FatalErrors.onFatal(halted::complete);
        FatalErrors.check(new IllegalStateException("boom"));
        assertThat(halted).isNotDone();
    }
}
