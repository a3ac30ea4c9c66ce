package org.spaprov.device;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import org.spaprov.device.engine.EngineObserver;
import org.spaprov.device.engine.EngineState;
import org.spaprov.device.engine.Listeners;
import org.spaprov.device.engine.Network;
import org.spaprov.device.engine.Platform;
import org.spaprov.device.engine.ProvisioningEngine;
import org.spaprov.device.engine.Scheduler;
import org.spaprov.device.fetch.FetchSettings;
import org.spaprov.device.fetch.HostResolver;
import org.spaprov.device.fetch.TlsSettings;
import org.spaprov.device.fetch.Transport;
import org.spaprov.device.fetch.Transports;
import org.spaprov.device.net.NetworkState;
import org.spaprov.device.state.DeviceModel;
import org.spaprov.device.state.Models;
import org.spaprov.device.state.PersistentState;
import org.spaprov.device.state.StateStore;
import org.spaprov.device.report.ConfigReport;
import org.spaprov.device.syslog.SyslogEvents;
import org.spaprov.device.syslog.SyslogSender;
import org.spaprov.device.report.ReportUploader;
import org.spaprov.profile.Profile;

/**
 * One emulated SPA: identity, the model's catalog, its current values (only differences from the
 * defaults are stored) and persistent state, driven by a {@link ProvisioningEngine}.
 *
 * <pre>{@code
 * Device d = Device.builder(DeviceIdentity.of("spa2102", "000e08aabbcc"))
 *         .firmware("5.2.12").scheduler(new RealTimeScheduler()).events(myListener).build();
 * d.powerOn();
 * }</pre>
 * Thread-safe: every method returns at once (see {@link DeviceControl}).
 */
public final class Device implements DeviceControl {
    private final ProvisioningEngine engine;
    private final DeviceIdentity identity;
    private final DeviceEvents events;
    private final Optional<String> dhcpTftpServer;

    private Device(ProvisioningEngine engine, DeviceIdentity identity, DeviceEvents events,
            Optional<String> dhcpTftpServer) {
        this.engine = engine;
        this.identity = identity;
        this.events = events;
        this.dhcpTftpServer = dhcpTftpServer;
    }

    public static Builder builder(DeviceIdentity identity) {
        return new Builder(identity);
    }

    public DeviceIdentity identity() {
        return identity;
    }

    public DeviceModel model() {
        return engine.model();
    }

    public EngineState state() {
        return engine.state();
    }

    /** The running firmware version ($SWVER). */
    public String firmwareVersion() {
        return engine.persistent().firmwareVersion();
    }

    /** What would be written to flash now. */
    public PersistentState persistentState() {
        return engine.persistent();
    }

    public String userAgent() {
        return engine.userAgent();
    }

    /** Powers the device on: {@code boot} event, then the power-up resync per Resync_On_Reset. */
    public void powerOn() {
        engine.powerOn();
    }

    @Override
    public void setLineBusy(int line, boolean busy) {
        engine.setLineBusy(line, busy);
    }

    /** Sets values as an administrator would on the web page (persisted, no reboot). */
    public void setParams(Map<String, String> values) {
        engine.setParams(values);
    }

    @Override
    public String mac() {
        return identity.mac();
    }

    @Override
    public String param(String xmlName) {
        return engine.param(xmlName);
    }

    @Override
    public DeviceVariables variables() {
        return engine.variables();
    }

    @Override
    public void resyncNow(Optional<String> url, String requesterHost) {
        engine.resyncNow(url, requesterHost);
    }

    @Override
    public void upgradeNow(String url, String requesterHost) {
        engine.upgradeNow(url, requesterHost);
    }

    @Override
    public void reboot(boolean warm) {
        engine.reboot();
    }

    /**
     * One Report_Rule attempt on the device's executor, with an uploader of its own (reports are
     * rare; its HTTP client is closed after each one); the outcome goes to the events.
     */
    @Override
    public void sendReport() {
        engine.execute(() -> {
            DeviceModel m = engine.model();
            try (ReportUploader u = ReportUploader.of(new ConfigReport(m::groupOf, m::secret))) {
                events.report(u.upload(this, dhcpTftpServer, userAgent()));
            }
        });
    }

    @Override
    public Profile runningConfig() {
        DeviceModel m = engine.model();
        PersistentState s = engine.persistent();
        Set<String> names = new LinkedHashSet<>(m.names());
        names.addAll(new java.util.TreeSet<>(s.params().values().keySet()));
        names.addAll(new java.util.TreeSet<>(s.params().accesses().keySet()));
        Profile.Builder b = Profile.builder();
        for (String n : names) {
            b.set(n, s.params().value(m, n), s.params().access(m, n));
        }
        return b.build();
    }

    /** Assembles a device; only the identity is required. */
    public static final class Builder {
        private final DeviceIdentity identity;
        private DeviceModel model;
        private String firmware = "5.2.12";
        private Scheduler scheduler;
        private RandomGenerator random;
        private StateStore store = StateStore.NONE;
        private Transport transport;
        private TlsSettings tls = TlsSettings.NONE;
        private FetchSettings fetch = FetchSettings.DEFAULTS;
        private HostResolver resolver = HostResolver.SYSTEM;
        private DeviceEvents events = DeviceEvents.NONE;
        private EngineObserver observer = EngineObserver.NONE;
        private String dhcpTftpServer;
        private String ip;
        private NetworkState network;
        private boolean syslog = true;
        private final Map<String, String> initial = new LinkedHashMap<>();

        private Builder(DeviceIdentity identity) {
            this.identity = identity;
        }

        public Builder model(DeviceModel m) { this.model = m; return this; }
        /** The firmware version of a factory-fresh device (the state store's version wins). */
        public Builder firmware(String v) { this.firmware = v; return this; }
        public Builder scheduler(Scheduler s) { this.scheduler = s; return this; }
        public Builder random(RandomGenerator r) { this.random = r; return this; }
        public Builder store(StateStore s) { this.store = s; return this; }
        /** Replaces the network transports (tests, fleets sharing one). */
        public Builder transport(Transport t) { this.transport = t; return this; }
        public Builder tls(TlsSettings t) { this.tls = t; return this; }
        public Builder fetchSettings(FetchSettings f) { this.fetch = f; return this; }
        public Builder resolver(HostResolver r) { this.resolver = r; return this; }
        public Builder events(DeviceEvents e) { this.events = e; return this; }
        public Builder observer(EngineObserver o) { this.observer = o; return this; }
        /** DHCP option 66: the TFTP server used when a rule names none. */
        public Builder dhcpTftpServer(String host) { this.dhcpTftpServer = host; return this; }
        /** The device's own address ($IP). */
        public Builder ip(String address) { this.ip = address; return this; }
        /**
         * $EXTIP and $REGTMR1/2 (a {@link DeviceNetwork} for STUN and SIP registration); without it
         * $EXTIP is {@code EXT_IP} and $REGTMR 0.
         */
        public Builder network(NetworkState n) { this.network = n; return this; }
        /** Whether the Log_Resync_* / Log_Upgrade_* lines go to Syslog_Server (default yes, SPEC §12). */
        public Builder syslog(boolean on) { this.syslog = on; return this; }
        /** Values set before power-on, as by an administrator (persisted with the state). */
        public Builder set(String name, String value) { initial.put(name, value); return this; }

        /**
         * @throws IOException when the state store cannot be read
         * @throws IllegalArgumentException for an unknown model
         */
        public Device build() throws IOException {
            DeviceModel m = model != null ? model : Models.get(identity.model());
            Scheduler s = scheduler != null ? scheduler : new org.spaprov.device.engine.RealTimeScheduler();
            RandomGenerator r = random != null ? random : RandomGenerator.of("L64X128MixRandom");
            Transport t = transport != null ? transport
                    : Transports.network(fetch, new TlsSettings(tls.trustedCas(), identity.clientCert(), resolver));
            PersistentState st = store.load(m).orElse(PersistentState.fresh(firmware));
            if (!initial.isEmpty()) {
                st = st.withParams(st.params().with(m, initial, Map.of()));
                store.save(m, st);
            }
            AtomicReference<ProvisioningEngine> self = new AtomicReference<>();
            // the Log_* lines go to Syslog_Server (SPEC §12); the sender only queues datagrams
            DeviceEvents all = !syslog ? events : DeviceEvents.all(List.of(events, new SyslogEvents(
                    name -> self.get() == null ? "" : self.get().param(name), new SyslogSender(Clock.systemDefaultZone()))));
            Optional<String> dhcp = Optional.ofNullable(dhcpTftpServer);
            NetworkState net = network != null ? network
                    : NetworkState.configured(name -> self.get() == null ? "" : self.get().param(name));
            ProvisioningEngine engine = new ProvisioningEngine(identity, m, new Platform(s, r, store),
                    new Network(t, resolver, dhcp, ip, net), new Listeners(all, observer), st);
            self.set(engine);
            return new Device(engine, identity, all, dhcp);
        }
    }
}
