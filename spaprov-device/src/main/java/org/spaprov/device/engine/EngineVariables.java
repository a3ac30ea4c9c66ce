package org.spaprov.device.engine;

import org.spaprov.device.net.NetworkState;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.spaprov.device.DeviceIdentity;
import org.spaprov.device.DeviceVariables;
import org.spaprov.device.state.DeviceModel;
import org.spaprov.device.state.PersistentState;
import org.spaprov.rules.Variables;

/**
 * The $-variables of SPEC §4.3 for one device: fixed ones from its identity and model, parameter
 * ones from its persistent state, and the runtime ones (PRVST, UPGST, ERR, the URL parts of the
 * last fetch, the timers) that the engine updates as it works.
 *
 * <p>The runtime part is copy-on-write, so readers on other threads always see a whole snapshot;
 * only the device's executor writes.
 */
final class EngineVariables {
    private final DeviceIdentity identity;
    private final DeviceModel model;
    private final String ip;
    private final NetworkState network;
    private final Scheduler clock;
    private final Supplier<PersistentState> state;
    private volatile Runtime rt = Runtime.fresh(Instant.EPOCH);

    EngineVariables(DeviceIdentity identity, DeviceModel model, Network network, Scheduler clock,
            Supplier<PersistentState> state) {
        this.identity = identity;
        this.model = model;
        this.ip = network.ip();
        this.network = network.state();
        this.clock = clock;
        this.state = state;
    }

    /** Runtime variables as after a boot at {@code boot}. */
    void reset(Instant boot) {
        rt = Runtime.fresh(boot);
    }

    /** Applies {@code change} to a copy of the runtime variables and publishes it. */
    void update(Consumer<Runtime> change) {
        rt = rt.with(change);
    }

    /** A resync sequence starts: PRVST and the start of PRVTMR. */
    void startResync(int prvst) {
        Instant now = clock.now();
        update(r -> {
            r.prvst = prvst;
            r.lastResync = now;
        });
    }

    /** An upgrade attempt starts: UPGST and the start of UPGTMR. */
    void startUpgrade(int upgst) {
        Instant now = clock.now();
        update(r -> {
            r.upgst = upgst;
            r.lastUpgrade = now;
        });
    }

    /** Forgets the URL of the last fetch, so a sequence that fetches nothing shows no stale URL. */
    void clearUrl() {
        update(r -> {
            r.scheme = "";
            r.serv = "";
            r.servip = "";
            r.port = "";
            r.path = "";
        });
    }

    /** The variables as they are now; SA..SD are not among them. */
    Map<String, String> map() {
        Runtime r = rt;
        PersistentState st = state.get();
        Instant now = clock.now();
        Map<String, String> m = new HashMap<>(64);
        for (char c = 'A'; c <= 'P'; c++) {
            m.put(String.valueOf(c), st.params().value(model, "GPP_" + c));
        }
        String mac = identity.mac();
        m.put("MA", mac);
        m.put("MAU", mac.toUpperCase(Locale.ROOT));
        m.put("MAC", colonMac(mac));
        m.put("PN", model.productName());
        m.put("PSN", model.series());
        m.put("SN", identity.serial());
        m.put("CCERT", identity.clientCert().isPresent() ? "Installed" : "Not Installed");
        m.put("IP", ip);
        m.put("EXTIP", network.extIp());
        m.put("SWVER", st.firmwareVersion());
        m.put("HWVER", identity.hardwareVersion());
        m.put("PRVST", Integer.toString(r.prvst));
        m.put("UPGST", Integer.toString(r.upgst));
        m.put("UPGERR", r.upgerr);
        m.put("PRVTMR", Long.toString(Duration.between(r.lastResync, now).toSeconds()));
        m.put("UPGTMR", Long.toString(Duration.between(r.lastUpgrade, now).toSeconds()));
        m.put("REGTMR1", Long.toString(network.regTimer(1)));
        m.put("REGTMR2", Long.toString(network.regTimer(2)));
        m.put("UPGCOND", "true");
        m.put("SCHEME", r.scheme);
        m.put("METH", r.scheme);
        m.put("SERV", r.serv);
        m.put("SERVIP", r.servip);
        m.put("PORT", r.port);
        m.put("PATH", r.path);
        m.put("ERR", r.err);
        m.put("UID1", st.params().value(model, "User_ID_1_"));
        m.put("UID2", st.params().value(model, "User_ID_2_"));
        m.put("ISCUST", st.params().noValues() ? "0" : "1");
        return m;
    }

    /** The variables plus SA..SD, which the rule language expands only inside {@code --key}. */
    Map<String, String> forRules() {
        Map<String, String> m = map();
        PersistentState st = state.get();
        for (char c = 'A'; c <= 'D'; c++) {
            m.put("S" + c, st.params().value(model, "GPP_S" + c));
        }
        return m;
    }

    DeviceVariables snapshot() {
        return new DeviceVariables(map());
    }

    /** A map as the rule language's {@link Variables}. */
    static Variables of(Map<String, String> vars) {
        return name -> Optional.ofNullable(vars.get(name));
    }

    /** The HTTP User-Agent of SPEC §9: {@code Linksys/SPA-2102-5.2.12 (SERIAL)}. */
    String userAgent() {
        String pn = model.productName().replaceFirst("^([A-Za-z]+)(\\d)", "$1-$2");
        return "Linksys/" + pn + "-" + state.get().firmwareVersion() + " (" + identity.serial() + ")";
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

    /** The runtime variables; a copy is changed and published whole ({@link #update}). */
    static final class Runtime implements Cloneable {
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

        Runtime with(Consumer<Runtime> change) {
            try {
                Runtime c = (Runtime) clone();
                change.accept(c);
                return c;
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
