package org.spaprov.device.engine;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.spaprov.device.DeviceEvents;
import org.spaprov.device.DeviceIdentity;
import org.spaprov.device.DeviceVariables;
import org.spaprov.device.state.DeviceModel;
import org.spaprov.device.state.PersistentState;
import org.spaprov.profile.Access;

/**
 * The provisioning state machine of one device (SPEC §7): power-up resync after a random delay,
 * periodic and error-retry schedules, Forced_Resync_Delay with busy lines, reboot only when a value
 * changed, upgrades after each resync with their retry schedule. It decides when things run; what
 * a resync fetches and applies is {@link ResyncSequence}'s, an upgrade attempt {@link Upgrader}'s,
 * the triggers {@link Triggers}', the variables {@link EngineVariables}'. At most one timer of
 * each kind is armed ({@link Timers}).
 *
 * <p>All state changes run on the device's {@link SerialExecutor}; the public methods only enqueue
 * work and return. Readers ({@link #param}, {@link #variables}) see consistent snapshots.
 */
public final class ProvisioningEngine {
    private final DeviceIdentity identity;
    private final DeviceModel model;
    private final Platform platform;
    private final DeviceEvents events;
    private final EngineObserver observer;
    private final SerialExecutor executor;
    private final StoredState stored;
    private final Params params;
    private final EngineVariables vars;
    private final ResyncSequence resyncs;
    private final Upgrader upgrader;
    private final Triggers triggers;
    private final Timers timers;
    private final boolean[] busy = new boolean[2];

    private volatile EngineState state = EngineState.OFF;
    private Due due;
    private boolean changedSinceBoot;
    private boolean rebootDue;
    private Optional<Upgrader.Ask> upgradeDue = Optional.empty();
    private int periodicIndex;
    private int errorIndex;

    /** A resync waiting to run. */
    private record Due(int prvst, Optional<String> url, String requester, java.time.Instant since) { }

    public ProvisioningEngine(DeviceIdentity identity, DeviceModel model, Platform platform, Network network,
            Listeners listeners, PersistentState initial) {
        this.identity = identity;
        this.model = model;
        this.platform = platform;
        this.events = listeners.events();
        this.observer = listeners.observer();
        this.stored = new StoredState(model, platform.store(), initial);
        this.executor = new SerialExecutor(platform.scheduler(), e -> { });
        this.timers = new Timers(platform.scheduler(), executor);
        this.params = new Params(model, stored);
        this.vars = new EngineVariables(identity, model, network, platform.scheduler(), stored);
        Downloader downloader = new Downloader(identity, network, vars, events);
        this.resyncs = new ResyncSequence(model, params, vars, downloader, this::applyValues);
        this.upgrader = new Upgrader(model, params, stored, vars, downloader, timers);
        this.triggers = new Triggers(params, vars, timers, () -> state == EngineState.IDLE && due == null,
                () -> request(1, Optional.empty(), ""));
    }

    // ---------------------------------------------------------------- public API (any thread)

    public EngineState state() {
        return state;
    }

    public PersistentState persistent() {
        return stored.get();
    }

    public DeviceModel model() {
        return model;
    }

    /** Current value of a parameter, never null. */
    public String param(String name) {
        return params.get(name);
    }

    /** Powers the device on (once). */
    public void powerOn() {
        executor.execute(this::boot);
    }

    public void resyncNow(Optional<String> url, String requester) {
        executor.execute(() -> {
            if (params.yes("Provision_Enable")) {
                request(-1, url, requester);
            }
        });
    }

    public void upgradeNow(String url, String requester) {
        executor.execute(() -> upgrade(new Upgrader.Ask(Optional.of(url), requester, false)));
    }

    public void reboot() {
        executor.execute(() -> rebootWhenIdle(false));
    }

    /** Marks line 1 or 2 busy (a call) or idle; due work waits for all lines idle (SPEC §7.4). */
    public void setLineBusy(int line, boolean isBusy) {
        if (line < 1 || line > busy.length) {
            throw new IllegalArgumentException("line must be 1.." + busy.length + ", got " + line);
        }
        executor.execute(() -> {
            busy[line - 1] = isBusy;
            if (!anyBusy()) {
                onIdle();
            }
        });
    }

    /** Runs {@code task} on the device's executor (after everything queued before it). */
    public void execute(Runnable task) {
        executor.execute(task);
    }

    /** Sets parameters as if typed into the web UI (persisted, no reboot). */
    public void setParams(Map<String, String> values) {
        executor.execute(() -> applyValues(values, Map.of()));
    }

    /** The $-variables of SPEC §4.3 as they are now. */
    public DeviceVariables variables() {
        return vars.snapshot();
    }

    /** The HTTP User-Agent of SPEC §9: {@code Linksys/SPA-2102-5.2.12 (SERIAL)}. */
    public String userAgent() {
        return vars.userAgent();
    }

    // ---------------------------------------------------------------- boot and reboot

    private void boot() {
        timers.newBoot();
        vars.reset(platform.scheduler().now());
        due = null;
        rebootDue = false;
        upgradeDue = Optional.empty();
        changedSinceBoot = false;
        upgrader.reset();
        periodicIndex = 0;
        errorIndex = 0;
        state = EngineState.IDLE;
        PersistentState s = stored.get();
        events.boot(model.model(), identity.mac(), s.firmwareVersion());
        if (s.skipResyncOnReset() || s.resyncAfterBoot()) {
            stored.save(s.withBootFlags(false, false));
        }
        triggers.arm();
        if (s.resyncAfterBoot()) {
            afterBoot(() -> request(0, Optional.empty(), ""));
        } else if (s.skipResyncOnReset()) {
            // rebooted to apply a successful resync: that sync counts, so the periodic timer runs on
            armPeriodic();
            afterBoot(() -> upgrade(Upgrader.Ask.RULE));
        } else if (params.yes("Resync_On_Reset") && params.yes("Provision_Enable")) {
            long max = 20L * Math.max(0, params.number("Resync_Random_Delay"));
            long delay = max == 0 ? 0 : platform.random().nextLong(max + 1);
            state = EngineState.BOOT_DELAY;
            timers.arm(Timers.Kind.BOOT, Duration.ofSeconds(delay), new PowerUpResyncTask());
        } else {
            afterBoot(() -> upgrade(Upgrader.Ask.RULE));
        }
        observer.booted(s.resyncAfterBoot() || state == EngineState.BOOT_DELAY);
    }

    /** Queues work for after the boot task, so a boot never runs a whole resync or upgrade inside itself. */
    private void afterBoot(Runnable r) {
        timers.queue(r);
    }

    private void rebootWhenIdle(boolean forChanges) {
        if (forChanges) {
            stored.save(stored.get().withBootFlags(true, stored.get().resyncAfterBoot()));
        }
        if (anyBusy()) {
            rebootDue = true;
            state = EngineState.REBOOT_DUE;
            return;
        }
        events.reboot();
        boot();
    }

    // ---------------------------------------------------------------- resync

    private void request(int prvst, Optional<String> url, String requester) {
        if (!params.yes("Provision_Enable")) {
            return;
        }
        timers.cancelResync();
        java.time.Instant since = due != null ? due.since : platform.scheduler().now();
        due = new Due(prvst, url, requester, since);
        if (anyBusy()) {
            state = EngineState.RESYNC_DUE;
            long forced = Math.max(0, params.number("Forced_Resync_Delay"));
            Duration left = Duration.ofSeconds(forced).minus(Duration.between(since, platform.scheduler().now()));
            timers.arm(Timers.Kind.FORCED, left, new ForcedResyncTask());
            return;
        }
        runDue();
    }

    private void onIdle() {
        long gen = timers.generation();
        if (due != null) {
            runDue();
        }
        if (gen != timers.generation() || anyBusy()) {
            return; // the resync rebooted the device, or a line is busy again
        }
        if (rebootDue) {
            rebootDue = false;
            events.reboot();
            boot();
        } else if (upgradeDue.isPresent()) {
            Upgrader.Ask a = upgradeDue.get();
            upgradeDue = Optional.empty();
            upgrade(a);
        }
    }

    private void runDue() {
        Due d = due;
        due = null;
        if (d == null) {
            return;
        }
        timers.cancel(Timers.Kind.FORCED);
        long gen = timers.generation();
        String err = resync(d);
        boolean ok = err.isEmpty();
        if (gen != timers.generation()) {
            return;
        }
        if (ok && changedSinceBoot) {
            rebootWhenIdle(true); // the boot after it evaluates Upgrade_Rule (SPEC §7.5)
        } else {
            upgrade(Upgrader.Ask.RULE);
        }
        observer.resyncDone(ok, err);
    }

    /** One resync sequence with its events and timers; returns "" on success or the $ERR. */
    private String resync(Due d) {
        state = EngineState.RESYNCING;
        vars.startResync(d.prvst);
        String err = resyncs.run(d.url, d.requester);
        vars.update(r -> r.err = err);
        state = EngineState.IDLE;
        if (err.isEmpty()) {
            events.resyncSuccess(variables());
            errorIndex = 0;
            armPeriodic();
        } else {
            events.resyncFailure(variables());
            timers.arm(Timers.Kind.ERROR, params.delay(platform.random(), "Resync_Error_Retry_Delay", errorIndex++),
                    new ResyncRetryTask());
        }
        return err;
    }

    private void armPeriodic() {
        timers.arm(Timers.Kind.PERIODIC, params.delay(platform.random(), "Resync_Periodic", periodicIndex++),
                new PeriodicResyncTask());
    }

    // ---------------------------------------------------------------- upgrade

    /** One upgrade attempt when Upgrade_Enable and the lines are idle; installs and reboots on success. */
    private void upgrade(Upgrader.Ask ask) {
        if (!params.yes("Upgrade_Enable")) {
            observer.noUpgrade();
            return;
        }
        if (anyBusy()) {
            upgradeDue = Optional.of(ask);
            return;
        }
        state = EngineState.UPGRADING;
        Upgrader.Outcome outcome = upgrader.attempt(ask, values -> applyValues(values, Map.of()));
        state = EngineState.IDLE;
        switch (outcome) {
            case Upgrader.Outcome.Nothing n -> observer.noUpgrade();
            case Upgrader.Outcome.Failed f -> upgradeFailed(f.err());
            case Upgrader.Outcome.Install i -> install(i.image().version(), i.name());
        }
    }

    private void install(String version, String url) {
        vars.update(x -> {
            x.err = version;
            x.upgerr = version;
        });
        stored.save(stored.get().withFirmware(version, url).withBootFlags(true, params.yes("Resync_After_Upgrade_Attempt")));
        events.upgradeSuccess(variables());
        events.reboot();
        boot();
        observer.upgradeDone(true, version);
    }

    private void upgradeFailed(String err) {
        vars.update(r -> {
            r.err = err;
            r.upgerr = err;
        });
        events.upgradeFailure(variables());
        timers.arm(Timers.Kind.UPGRADE, params.delay(platform.random(), "Upgrade_Error_Retry_Delay", upgrader.nextRetryIndex()),
                new UpgradeRetryTask());
        observer.upgradeDone(false, err);
        if (params.yes("Resync_After_Upgrade_Attempt")) {
            executor.execute(() -> request(0, Optional.empty(), ""));
        }
    }

    // ---------------------------------------------------------------- values

    private void applyValues(Map<String, String> values, Map<String, Access> access) {
        StoredState.Change c = stored.apply(values, access);
        if (c == StoredState.Change.VALUES) {
            changedSinceBoot = true;
        }
        if (c != StoredState.Change.NONE) {
            triggers.arm();
        }
    }

    // ---------------------------------------------------------------- helpers

    private boolean anyBusy() {
        return busy[0] || busy[1];
    }

    // ---------------------------------------------------------------- named timer tasks (STYLE §7 rule 8)

    /** Runs when the power-up random delay (Resync_Random_Delay) ends: the boot resync, PRVST 0. */
    private final class PowerUpResyncTask implements Runnable {
        @Override
        public void run() {
            state = EngineState.IDLE;
            request(0, Optional.empty(), "");
        }
    }

    /** Runs when a Resync_Periodic interval ends: a periodic resync, PRVST 1. */
    private final class PeriodicResyncTask implements Runnable {
        @Override
        public void run() {
            request(1, Optional.empty(), "");
        }
    }

    /** Runs when a Resync_Error_Retry_Delay interval after a failed resync ends: a retry, PRVST 2. */
    private final class ResyncRetryTask implements Runnable {
        @Override
        public void run() {
            request(2, Optional.empty(), "");
        }
    }

    /** Runs when Forced_Resync_Delay has passed with a resync waiting for busy lines: the resync runs anyway. */
    private final class ForcedResyncTask implements Runnable {
        @Override
        public void run() {
            runDue();
        }
    }

    /** Runs when an Upgrade_Error_Retry_Delay interval after a failed upgrade ends: an upgrade retry (UPGST 2). */
    private final class UpgradeRetryTask implements Runnable {
        @Override
        public void run() {
            upgrade(Upgrader.Ask.RETRY);
        }
    }
}
