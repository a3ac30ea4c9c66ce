package org.spaprov.device.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.spaprov.device.Device;
import org.spaprov.device.DeviceIdentity;
import org.spaprov.device.fetch.FetchError;
import org.spaprov.device.state.StateStore;

/** STYLE §7 rule 8: every timer the engine arms is a named task, so it has a name in stack traces and dumps. */
class TimerTaskNamesTest {
    /** A virtual clock that remembers what each armed timer (delay above zero) says it is. */
    private static final class NamingScheduler implements Scheduler {
        final VirtualScheduler clock = new VirtualScheduler();
        final List<String> armed = new ArrayList<>();

        @Override
        public Instant now() {
            return clock.now();
        }

        @Override
        public Cancellable schedule(Duration delay, Runnable task) {
            if (delay.isPositive()) {
                armed.add(task.toString());
            }
            return clock.schedule(delay, task);
        }
    }

    @Test
    void everyTimerTheEngineArmsIsANamedTask() throws IOException {
        NamingScheduler s = new NamingScheduler();
        Rig rig = new Rig().fail("/spa2102.cfg", FetchError.TIMEOUT);
        Device.Builder b = Device.builder(DeviceIdentity.of("spa2102", "000e08aabbcc")).firmware("5.2.12")
                .scheduler(s).random(RandomGeneratorFactory.of("L64X128MixRandom").create(42))
                .store(StateStore.NONE).transport(rig).resolver(Rig.LOOPBACK).events(rig).dhcpTftpServer("tftp.test");
        Map.of("Resync_Random_Delay", "3", "Resync_Periodic", "100", "Resync_Error_Retry_Delay", "10",
                "Forced_Resync_Delay", "50", "Resync_Trigger_1", "$PRVTMR ge 100000",
                "Resync_After_Upgrade_Attempt", "No", "Upgrade_Rule", "http://fw.test/fw.bin",
                "Upgrade_Error_Retry_Delay", "3600").forEach(b::set);
        Device d = b.build();

        d.powerOn();
        s.clock.advance(Duration.ofSeconds(61)); // power-up delay ends; the resync fails; the upgrade fails
        rig.put("/spa2102.cfg", Rig.xml("GPP_A", "x"));
        s.clock.advance(Duration.ofSeconds(10)); // the error retry succeeds and arms the periodic timer
        d.setLineBusy(1, true);
        d.resyncNow(Optional.empty(), "");
        s.clock.advance(Duration.ofSeconds(50)); // the forced-resync wait ends while the line is busy

        assertThat(rig.log).contains("resync-failure: timeout", "resync-success", "upgrade-failure: file not found");
        assertThat(s.armed).isNotEmpty().allMatch(n -> n.matches("[A-Z][A-Za-z]+Task"), "a named *Task class");
        assertThat(s.armed).contains("PowerUpResyncTask", "ResyncRetryTask", "PeriodicResyncTask",
                "TriggerPollTask", "ForcedResyncTask", "UpgradeRetryTask");
    }
}
