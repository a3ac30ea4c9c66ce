package org.spaprov.device.engine;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.spaprov.rules.Conditions;
import org.spaprov.rules.Variables;

/**
 * Resync_Trigger_1 and _2 (SPEC §7.2): while either is set, polled once a second, and only when
 * nothing is due or running; a condition that holds starts a resync as if the periodic timer had
 * expired. Used on the device's executor only.
 */
final class Triggers {
    private static final List<String> NAMES = List.of("Resync_Trigger_1", "Resync_Trigger_2");

    private final Params params;
    private final EngineVariables vars;
    private final Timers timers;
    private final BooleanSupplier quiet;
    private final Runnable fire;

    /**
     * @param quiet whether the device is idle with no resync due (only then are triggers evaluated)
     * @param fire  starts the resync
     */
    Triggers(Params params, EngineVariables vars, Timers timers, BooleanSupplier quiet, Runnable fire) {
        this.params = params;
        this.vars = vars;
        this.timers = timers;
        this.quiet = quiet;
        this.fire = fire;
    }

    /** Arms the poll when a trigger is set, else cancels it; call after every change of values. */
    void arm() {
        boolean any = NAMES.stream().anyMatch(n -> !params.get(n).isBlank());
        timers.arm(Timers.Kind.TRIGGER, any ? Optional.of(Duration.ofSeconds(1)) : Optional.empty(), new TriggerPollTask());
    }

    private void poll() {
        if (quiet.getAsBoolean()) {
            Variables v = EngineVariables.of(vars.map());
            for (String t : NAMES) {
                String cond = params.get(t);
                if (!cond.isBlank() && Conditions.evaluate(cond, v)) {
                    fire.run();
                    break;
                }
            }
        }
        if (timers.isArmed(Timers.Kind.TRIGGER)) {
            arm();
        }
    }

    /** Runs once a second while Resync_Trigger_1/_2 is set: evaluates the triggers and re-arms itself. */
    private final class TriggerPollTask implements Runnable {
        @Override
        public void run() {
            poll();
        }
    }
}
