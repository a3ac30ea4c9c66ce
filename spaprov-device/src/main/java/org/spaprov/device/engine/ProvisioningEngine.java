package org.spaprov.device.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.spaprov.device.DeviceVariables;
import org.spaprov.device.fetch.FetchError;
import org.spaprov.device.fetch.FetchRequest;
import org.spaprov.device.fetch.FetchResult;
import org.spaprov.device.state.DeviceModel;
import org.spaprov.device.state.ParamValues;
import org.spaprov.device.state.PersistentState;
import org.spaprov.profile.Access;
import org.spaprov.profile.Profile;
import org.spaprov.profile.ProfileException;
import org.spaprov.profile.alias.AliasMap;
import org.spaprov.profile.firmware.FirmwareException;
import org.spaprov.profile.firmware.FirmwareImage;
import org.spaprov.profile.xml.XmlProfileReader;
import org.spaprov.profile.Setting;

/**
 * The provisioning state machine of one device (SPEC §7): power-up resync after a random delay,
 * periodic and error-retry schedules, triggers polled once a second, Forced_Resync_Delay with busy
 * lines, Profile_Rule.._D in order with restart from the beginning on failure, per-file atomic
 * apply, reboot only when a value changed, upgrades with retry schedule, downgrade limit and loop
 * protection.
 *
 * <p>All state changes run on the device's {@link SerialExecutor}; the public methods only enqueue
 * work and return. Readers ({@link #param}, {@link #variables}) see consistent snapshots.
 */
public final class ProvisioningEngine {
    /** Largest profile accepted. */
    static final long MAX_PROFILE = 4L << 20;
    /** Largest firmware image accepted. */
    static final long MAX_FIRMWARE = 64L << 20;
    private static final List<String> RULES = List.of("Profile_Rule", "Profile_Rule_B", "Profile_Rule_C", "Profile_Rule_D");

    private final EngineParts p;
    private final DeviceModel model;
    private final SerialExecutor executor;
    private final Timers timers = new Timers();
    private final boolean[] busy = new boolean[2];

    private volatile PersistentState st;
    private volatile EngineState state = EngineState.OFF;
    private volatile Runtime rt = Runtime.fresh(Instant.EPOCH);
    private long generation;
    private Due due;
    private boolean changedSinceBoot;
    private boolean rebootDue;
    private Optional<UpgradeAsk> upgradeDue = Optional.empty();
    private String lastFailedUpgradeUrl = "";
    private int periodicIndex;
    private int errorIndex;
    private int upgradeErrorIndex;

    /** A resync waiting to run. */
    private record Due(int prvst, Optional<String> url, String requester, Instant since) { }

    /** An upgrade waiting to run. */
    private record UpgradeAsk(Optional<String> url, String requester, boolean retry) { }

    public ProvisioningEngine(EngineParts parts, PersistentState initial) {
        this.p = parts;
        this.model = parts.model();
        this.st = initial;
        this.executor = new SerialExecutor(parts.scheduler(), e -> { });
    }

    // ---------------------------------------------------------------- public API (any thread)

    public EngineState state() {
        return state;
    }

    public PersistentState persistent() {
        return st;
    }

    public DeviceModel model() {
        return model;
    }

    public EngineParts parts() {
        return p;
    }

    /** Current value of a parameter, never null. */
    public String param(String name) {
        return st.params().value(model, name);
    }

    public Access access(String name) {
        return st.params().access(model, name);
    }

    /** Powers the device on (once). */
    public void powerOn() {
        executor.execute(this::boot);
    }

    public void resyncNow(Optional<String> url, String requester) {
        executor.execute(() -> {
            if (yes("Provision_Enable")) {
                request(-1, url, requester);
            }
        });
    }

    public void upgradeNow(String url, String requester) {
        executor.execute(() -> upgrade(new UpgradeAsk(Optional.of(url), requester, false)));
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
        return new DeviceVariables(vars());
    }

    // ---------------------------------------------------------------- boot and reboot

    private void boot() {
        generation++;
        timers.cancelAll();
        Instant now = p.scheduler().now();
        rt = Runtime.fresh(now);
        due = null;
        rebootDue = false;
        upgradeDue = Optional.empty();
        changedSinceBoot = false;
        lastFailedUpgradeUrl = "";
        periodicIndex = 0;
        errorIndex = 0;
        upgradeErrorIndex = 0;
        state = EngineState.IDLE;
        PersistentState s = st;
        p.events().boot(model.model(), p.identity().mac(), s.firmwareVersion());
        if (s.skipResyncOnReset() || s.resyncAfterBoot()) {
            save(s.withBootFlags(false, false));
        }
        armTriggers();
        if (s.resyncAfterBoot()) {
            afterBoot(() -> request(0, Optional.empty(), ""));
        } else if (s.skipResyncOnReset()) {
            // rebooted to apply a successful resync: that sync counts, so the periodic timer runs on
            armPeriodic();
            afterBoot(() -> upgrade(null));
        } else if (!s.skipResyncOnReset() && yes("Resync_On_Reset") && yes("Provision_Enable")) {
            long max = 20L * Math.max(0, number("Resync_Random_Delay"));
            long delay = max == 0 ? 0 : p.random().nextLong(max + 1);
            state = EngineState.BOOT_DELAY;
            timers.boot = schedule(Duration.ofSeconds(delay), new PowerUpResyncTask());
        } else {
            afterBoot(() -> upgrade(null));
        }
        p.observer().booted(s.resyncAfterBoot() || state == EngineState.BOOT_DELAY);
    }

    /** Queues work for after the boot task, so a boot never runs a whole resync or upgrade inside itself. */
    private void afterBoot(Runnable r) {
        executor.execute(new SameBootOnly(generation, r));
    }

    private void rebootWhenIdle(boolean forChanges) {
        if (anyBusy()) {
            rebootDue = true;
            state = EngineState.REBOOT_DUE;
            if (forChanges) {
                save(st.withBootFlags(true, st.resyncAfterBoot()));
            }
            return;
        }
        if (forChanges) {
            save(st.withBootFlags(true, st.resyncAfterBoot()));
        }
        p.events().reboot();
        boot();
    }

    // ---------------------------------------------------------------- resync

    private void request(int prvst, Optional<String> url, String requester) {
        if (!yes("Provision_Enable")) {
            return;
        }
        timers.cancelResync();
        Instant since = due != null ? due.since : p.scheduler().now();
        due = new Due(prvst, url, requester, since);
        if (anyBusy()) {
            state = EngineState.RESYNC_DUE;
            long forced = Math.max(0, number("Forced_Resync_Delay"));
            Duration left = Duration.ofSeconds(forced).minus(Duration.between(since, p.scheduler().now()));
            timers.forced = schedule(left, new ForcedResyncTask());
            return;
        }
        runDue();
    }

    private void onIdle() {
        long gen = generation;
        if (due != null) {
            runDue();
        }
        if (gen != generation || anyBusy()) {
            return; // the resync rebooted the device, or a line is busy again
        }
        if (rebootDue) {
            rebootDue = false;
            p.events().reboot();
            boot();
        } else if (upgradeDue.isPresent()) {
            UpgradeAsk a = upgradeDue.get();
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
        timers.cancel(timers.forced);
        long gen = generation;
        String err = resync(d);
        boolean ok = err.isEmpty();
        if (gen != generation) {
            return;
        }
        if (ok && changedSinceBoot) {
            rebootWhenIdle(true); // the boot after it evaluates Upgrade_Rule (SPEC §7.5)
        } else {
            upgrade(null);
        }
        p.observer().resyncDone(ok, err);
    }

    /** One resync sequence; returns "" on success or the $ERR. */
    private String resync(Due d) {
        state = EngineState.RESYNCING;
        rt = rt.with(r -> {
            r.prvst = d.prvst;
            r.lastResync = p.scheduler().now();
        });
        String err = "";
        if (d.url.isPresent()) {
            Optional<RuleTarget> t = RuleTarget.parse(d.url.get());
            err = t.isEmpty() ? FetchError.BAD_URL.err() : fetchAndApply(withHost(t.get(), d.requester), null, null, null);
        } else {
            for (String rule : RULES) {
                err = runRule(param(rule));
                if (!err.isEmpty()) {
                    break;
                }
            }
        }
        String e = err;
        rt = rt.with(r -> r.err = e);
        state = EngineState.IDLE;
        if (err.isEmpty()) {
            p.events().resyncSuccess(variables());
            errorIndex = 0;
            armPeriodic();
        } else {
            p.events().resyncFailure(variables());
            p.rules().scheduleDelay(param("Resync_Error_Retry_Delay"), errorIndex++, p.random())
                    .ifPresent(s -> timers.error = schedule(Duration.ofSeconds(s), new ResyncRetryTask()));
        }
        return err;
    }

    private void armPeriodic() {
        p.rules().scheduleDelay(param("Resync_Periodic"), periodicIndex++, p.random())
                .ifPresent(s -> timers.periodic = schedule(Duration.ofSeconds(s), new PeriodicResyncTask()));
    }

    private String runRule(String ruleText) {
        RuleChoice c = p.rules().evaluate(ruleText, false, ruleVars());
        return switch (c) {
            case RuleChoice.Skipped s -> "";
            case RuleChoice.BadRule b -> FetchError.BAD_URL.err();
            case RuleChoice.Selected s -> {
                applyValues(s.assignments(), Map.of());
                if (s.url().isEmpty()) {
                    yield "";
                }
                String key = s.key().orElse(null);
                yield fetchAndApply(s.url().get(), key, s.post().orElse(null), s.alias().orElse(null));
            }
        };
    }

    private String fetchAndApply(RuleTarget t, String key, Character post, Character alias) {
        Optional<byte[]> body = post == null || t.scheme().equals("tftp") ? Optional.empty()
                : Optional.of(p.rules().expand(param("GPP_" + post), vars()).getBytes(StandardCharsets.UTF_8));
        FetchResult res = fetch(t, body, MAX_PROFILE, false);
        if (res instanceof FetchResult.Failed f) {
            return f.error() == FetchError.FILE_NOT_FOUND && !yes("Resync_Fails_On_FNF") ? "" : f.error().err();
        }
        byte[] data = ((FetchResult.Ok) res).body();
        try {
            byte[] xml = p.codec().decode(data, key);
            AliasMap aliases = alias == null ? AliasMap.empty() : AliasMap.parse(param("GPP_" + alias));
            Profile profile = XmlProfileReader.read(xml, t.path(), aliases);
            Map<String, String> values = new LinkedHashMap<>();
            Map<String, Access> access = new LinkedHashMap<>();
            for (Setting s : profile.statements()) {
                if (!model.known(s.name())) {
                    continue; // SPEC §15.4: the device ignores unknown names
                }
                if (s.value() != null && model.accepts(s.name(), s.value())) {
                    values.put(s.name(), s.value()); // a value of the wrong type is skipped (SPEC §11)
                }
                if (s.access() != null) {
                    access.put(s.name(), s.access());
                }
            }
            applyValues(values, access);
            return "";
        } catch (ContentCodec.DecodeException e) {
            return e.err();
        } catch (ProfileException e) {
            return "corrupt file";
        }
    }

    /**
     * Resolves, checks and downloads; fires the request event. Returns a $ERR string when the
     * download never started, else the {@link FetchResult}.
     */
    /** Sets the URL variables, checks the host, resolves it and downloads; never throws. */
    private FetchResult fetch(RuleTarget t, Optional<byte[]> body, long max, boolean upgrade) {
        String host = t.host().orElse(p.dhcpTftpServer());
        rt = rt.with(r -> {
            r.scheme = t.scheme();
            r.serv = host == null ? "" : host;
            r.servip = "";
            r.port = Integer.toString(t.port());
            r.path = t.path();
        });
        if (host == null) {
            requestEvent(upgrade);
            return new FetchResult.Failed(FetchError.BAD_URL, "no server and no DHCP option 66");
        }
        if (!p.domains().allowed(host, param("Restricted_Access_Domains"))) {
            requestEvent(upgrade);
            return new FetchResult.Failed(FetchError.DOMAIN_NOT_ALLOWED, host);
        }
        List<InetAddress> addrs;
        try {
            addrs = p.resolver().resolve(host);
        } catch (UnknownHostException | RuntimeException e) {
            requestEvent(upgrade);
            return new FetchResult.Failed(FetchError.DNS_LOOKUP_FAILED, host);
        }
        rt = rt.with(r -> r.servip = addrs.get(0).getHostAddress());
        requestEvent(upgrade);
        if (upgrade && t.scheme().equals("https")) {
            return new FetchResult.Failed(FetchError.HTTPS_NOT_FOR_UPGRADE, t.path());
        }
        return p.transport().fetch(new FetchRequest(t.scheme(), host, addrs, t.port(), t.path(), body, userAgent(), max));
    }

    private void requestEvent(boolean upgrade) {
        if (upgrade) {
            p.events().upgradeRequest(variables());
        } else {
            p.events().resyncRequest(variables());
        }
    }

    private RuleTarget withHost(RuleTarget t, String requester) {
        return t.host().isPresent() || requester == null || requester.isEmpty() ? t
                : new RuleTarget(t.scheme(), Optional.of(requester), t.port(), t.path());
    }

    // ---------------------------------------------------------------- upgrade

    /** One upgrade attempt: explicit ({@code ask.url}), a retry, or from Upgrade_Rule ({@code ask == null}). */
    private void upgrade(UpgradeAsk ask) {
        if (!yes("Upgrade_Enable")) {
            p.observer().noUpgrade();
            return;
        }
        if (anyBusy()) {
            upgradeDue = Optional.of(ask == null ? new UpgradeAsk(Optional.empty(), "", false) : ask);
            return;
        }
        boolean retry = ask != null && ask.retry;
        RuleTarget target;
        Optional<RuleChoice.Selected> chosen = Optional.empty();
        if (ask != null && ask.url.isPresent()) {
            Optional<RuleTarget> t = RuleTarget.parse(ask.url.get());
            if (t.isEmpty()) {
                upgradeFailed("", FetchError.BAD_URL.err());
                return;
            }
            target = withHost(t.get(), ask.requester);
        } else {
            RuleChoice c = p.rules().evaluate(param("Upgrade_Rule"), true, ruleVars());
            if (c instanceof RuleChoice.BadRule) {
                upgradeFailed("", FetchError.BAD_URL.err());
                return;
            }
            if (!(c instanceof RuleChoice.Selected s)) {
                p.observer().noUpgrade();
                return;
            }
            applyValues(s.assignments(), Map.of());
            if (s.url().isEmpty()) {
                p.observer().noUpgrade();
                return;
            }
            target = s.url().get();
            chosen = Optional.of(s);
            String eff = target.url(String.valueOf(p.dhcpTftpServer()));
            if (!retry && (eff.equals(st.lastUpgradeUrl()) || eff.equals(lastFailedUpgradeUrl))) {
                p.observer().noUpgrade();
                return; // SPEC §6.6 loop protection: the same effective URL is not fetched again
            }
        }
        String eff = target.url(String.valueOf(p.dhcpTftpServer()));
        state = EngineState.UPGRADING;
        rt = rt.with(r -> {
            r.upgst = retry ? 2 : 1;
            r.lastUpgrade = p.scheduler().now();
        });
        FetchResult r = fetch(target, Optional.empty(), MAX_FIRMWARE, true);
        state = EngineState.IDLE;
        if (r instanceof FetchResult.Failed f) {
            upgradeFailed(eff, f.error().err());
            return;
        }
        FirmwareImage img;
        try {
            img = FirmwareImage.parse(((FetchResult.Ok) r).body());
        } catch (FirmwareException e) {
            upgradeFailed(eff, "corrupt file");
            return;
        }
        if (!img.model().equalsIgnoreCase(model.model())) {
            upgradeFailed(eff, "wrong model");
            return;
        }
        String limit = param("Downgrade_Rev_Limit").trim();
        if (!limit.isEmpty() && p.rules().compareVersions(img.version(), limit) < 0) {
            upgradeFailed(eff, "upgrade rejected by Downgrade_Rev_Limit");
            return;
        }
        if (chosen.isPresent() && chosen.get().conditional()) {
            // loop protection (SPEC §6.6): with the new load the same conditional alternative must not hold again
            Map<String, String> after = ruleVars();
            after.put("SWVER", img.version());
            if (p.rules().evaluate(param("Upgrade_Rule"), true, after) instanceof RuleChoice.Selected again
                    && again.alternative() == chosen.get().alternative()) {
                upgradeFailed(eff, "rule condition not met");
                return;
            }
        }
        rt = rt.with(x -> {
            x.err = img.version();
            x.upgerr = img.version();
        });
        upgradeErrorIndex = 0;
        save(st.withFirmware(img.version(), eff).withBootFlags(true, yes("Resync_After_Upgrade_Attempt")));
        p.events().upgradeSuccess(variables());
        p.events().reboot();
        boot();
        p.observer().upgradeDone(true, img.version());
    }

    private void upgradeFailed(String effUrl, String err) {
        state = EngineState.IDLE;
        rt = rt.with(r -> {
            r.err = err;
            r.upgerr = err;
        });
        lastFailedUpgradeUrl = effUrl;
        p.events().upgradeFailure(variables());
        p.rules().scheduleDelay(param("Upgrade_Error_Retry_Delay"), upgradeErrorIndex++, p.random())
                .ifPresent(s -> timers.upgrade = schedule(Duration.ofSeconds(s), new UpgradeRetryTask()));
        p.observer().upgradeDone(false, err);
        if (yes("Resync_After_Upgrade_Attempt")) {
            executor.execute(() -> request(0, Optional.empty(), ""));
        }
    }

    // ---------------------------------------------------------------- triggers

    private void armTriggers() {
        timers.cancel(timers.trigger);
        if (!param("Resync_Trigger_1").isBlank() || !param("Resync_Trigger_2").isBlank()) {
            timers.trigger = schedule(Duration.ofSeconds(1), new TriggerPollTask());
        }
    }

    private void pollTriggers() {
        if (state == EngineState.IDLE && due == null) {
            Map<String, String> v = vars();
            for (String t : List.of("Resync_Trigger_1", "Resync_Trigger_2")) {
                String cond = param(t);
                if (!cond.isBlank() && p.rules().condition(cond, v)) {
                    request(1, Optional.empty(), "");
                    break;
                }
            }
        }
        if (timers.trigger != null) {
            armTriggers();
        }
    }

    // ---------------------------------------------------------------- values

    private void applyValues(Map<String, String> values, Map<String, Access> access) {
        if (values.isEmpty() && access.isEmpty()) {
            return;
        }
        ParamValues before = st.params();
        ParamValues after = before.with(model, values, access);
        if (after.equals(before)) {
            return;
        }
        if (!after.sameValues(before)) {
            changedSinceBoot = true;
        }
        save(st.withParams(after));
        armTriggers();
    }

    private void save(PersistentState s) {
        try {
            p.store().save(model, s);
        } catch (IOException e) {
            // flash write failed: keep running on the in-memory state, as a device with a bad flash would
        }
        st = s;
    }

    // ---------------------------------------------------------------- variables

    Map<String, String> vars() {
        Runtime r = rt;
        Instant now = p.scheduler().now();
        Map<String, String> m = new HashMap<>(64);
        for (char c = 'A'; c <= 'P'; c++) {
            m.put(String.valueOf(c), param("GPP_" + c));
        }
        String mac = p.identity().mac();
        m.put("MA", mac);
        m.put("MAU", mac.toUpperCase(Locale.ROOT));
        m.put("MAC", colonMac(mac));
        m.put("PN", model.productName());
        m.put("PSN", model.series());
        m.put("SN", p.identity().serial());
        m.put("CCERT", p.identity().clientCert().isPresent() ? "Installed" : "Not Installed");
        m.put("IP", p.ip());
        m.put("EXTIP", p.network().extIp());
        m.put("SWVER", st.firmwareVersion());
        m.put("HWVER", p.identity().hardwareVersion());
        m.put("PRVST", Integer.toString(r.prvst));
        m.put("UPGST", Integer.toString(r.upgst));
        m.put("UPGERR", r.upgerr);
        m.put("PRVTMR", Long.toString(Duration.between(r.lastResync, now).toSeconds()));
        m.put("UPGTMR", Long.toString(Duration.between(r.lastUpgrade, now).toSeconds()));
        m.put("REGTMR1", Long.toString(p.network().regTimer(1)));
        m.put("REGTMR2", Long.toString(p.network().regTimer(2)));
        m.put("UPGCOND", "true");
        m.put("SCHEME", r.scheme);
        m.put("METH", r.scheme);
        m.put("SERV", r.serv);
        m.put("SERVIP", r.servip);
        m.put("PORT", r.port);
        m.put("PATH", r.path);
        m.put("ERR", r.err);
        m.put("UID1", param("User_ID_1_"));
        m.put("UID2", param("User_ID_2_"));
        m.put("ISCUST", st.params().noValues() ? "0" : "1");
        return m;
    }

    /** The variables plus SA..SD, which the rule language expands only inside {@code --key}. */
    private Map<String, String> ruleVars() {
        Map<String, String> m = vars();
        for (char c = 'A'; c <= 'D'; c++) {
            m.put("S" + c, param("GPP_S" + c));
        }
        return m;
    }

    private static String colonMac(String mac) {
        StringBuilder b = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                b.append(':');
            }
            b.append(mac, i, i + 2);
        }
        return b.toString();
    }

    /** The HTTP User-Agent of SPEC §9: {@code Linksys/SPA-2102-5.2.12 (SERIAL)}. */
    public String userAgent() {
        String pn = model.productName().replaceFirst("^([A-Za-z]+)(\\d)", "$1-$2");
        return "Linksys/" + pn + "-" + st.firmwareVersion() + " (" + p.identity().serial() + ")";
    }

    // ---------------------------------------------------------------- helpers

    private boolean yes(String name) {
        return param(name).trim().equalsIgnoreCase("yes");
    }

    private long number(String name) {
        String v = param(name).trim();
        try {
            return v.startsWith("0x") || v.startsWith("0X") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private boolean anyBusy() {
        for (boolean b : busy) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    /** Arms a timer: when it fires, {@code task} runs on the device's executor unless the device rebooted meanwhile. */
    private Scheduler.Cancellable schedule(Duration d, Runnable task) {
        return p.scheduler().schedule(d, new TimerFired(new SameBootOnly(generation, task)));
    }

    /** The timers a device may have armed. */
    private static final class Timers {
        Scheduler.Cancellable boot;
        Scheduler.Cancellable periodic;
        Scheduler.Cancellable error;
        Scheduler.Cancellable upgrade;
        Scheduler.Cancellable trigger;
        Scheduler.Cancellable forced;

        void cancel(Scheduler.Cancellable c) {
            if (c != null) {
                c.cancel();
            }
        }

        void cancelResync() {
            cancel(boot);
            cancel(periodic);
            cancel(error);
            boot = null;
            periodic = null;
            error = null;
        }

        void cancelAll() {
            cancelResync();
            cancel(upgrade);
            cancel(trigger);
            cancel(forced);
            upgrade = null;
            trigger = null;
            forced = null;
        }
    }

    /** Copy-on-write runtime variables, so readers on other threads see whole snapshots. */
    private static final class Runtime implements Cloneable {
        int prvst;
        int upgst;
        String upgerr = "";
        String err = "";
        String scheme = "";
        String serv = "";
        String servip = "";
        String port = "";
        String path = "";
        Instant lastResync;
        Instant lastUpgrade;

        static Runtime fresh(Instant boot) {
            Runtime r = new Runtime();
            r.lastResync = boot;
            r.lastUpgrade = boot;
            return r;
        }

        Runtime with(java.util.function.Consumer<Runtime> change) {
            try {
                Runtime c = (Runtime) clone();
                change.accept(c);
                return c;
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        }
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
            upgrade(new UpgradeAsk(Optional.empty(), "", true));
        }
    }

    /** Runs once a second while Resync_Trigger_1/_2 is set: evaluates the triggers and re-arms itself. */
    private final class TriggerPollTask implements Runnable {
        @Override
        public void run() {
            pollTriggers();
        }
    }

    /** Runs on the scheduler's thread when a timer fires: hands the job to the device's executor. */
    private final class TimerFired implements Runnable {
        private final SameBootOnly job;

        TimerFired(SameBootOnly job) {
            this.job = job;
        }

        @Override
        public void run() {
            executor.execute(job);
        }

        @Override
        public String toString() {
            return job.toString();
        }
    }

    /** Runs on the device's executor: the task, unless the device has rebooted since it was queued or armed. */
    private final class SameBootOnly implements Runnable {
        private final long armedIn;
        private final Runnable task;

        SameBootOnly(long armedIn, Runnable task) {
            this.armedIn = armedIn;
            this.task = task;
        }

        @Override
        public void run() {
            if (armedIn == generation) {
                task.run();
            }
        }

        @Override
        public String toString() {
            return task.getClass().getSimpleName();
        }
    }
}
