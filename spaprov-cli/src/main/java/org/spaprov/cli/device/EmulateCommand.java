package org.spaprov.cli.device;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import org.spaprov.device.admin.AdminWebServer;
import org.spaprov.device.report.ConfigReport;
import org.spaprov.device.sip.SipNotifyListener;
import org.spaprov.device.stun.StunClient;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.spaprov.cli.BaseCommand;
import org.spaprov.cli.Cli;
import org.spaprov.cli.UserException;
import org.spaprov.device.ClientCredentials;
import org.spaprov.device.Device;
import org.spaprov.device.DeviceIdentity;
import org.spaprov.device.DeviceNetwork;
import org.spaprov.device.engine.EngineObserver;
import org.spaprov.device.engine.RealTimeScheduler;
import org.spaprov.device.fetch.HostResolver;
import org.spaprov.device.fetch.TlsSettings;
import org.spaprov.device.state.DeviceModel;
import org.spaprov.device.state.DirectoryStateStore;
import org.spaprov.device.state.StateStore;
import org.spaprov.profile.Profile;
import org.spaprov.profile.Setting;
import org.spaprov.profile.xml.XmlProfileWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spaprov emulate}: one SPA device against your provisioning server. */
@Command(name = "emulate",
        description = {"Emulate one SPA device: power on, provision, upgrade, as the real firmware does.", "",
                "Prints one line per event: boot <model> <mac> <firmware>, resync-request <url>, resync-success, "
                        + "resync-failure: <ERR>, upgrade-request <url>, upgrade-success <version>, "
                        + "upgrade-failure: <ERR>, reboot.", "",
                "Values are kept in --state-dir like flash: a restarted device remembers them. The power-up "
                        + "resync waits up to Resync_Random_Delay x 20 s; --set Resync_Random_Delay=0 starts at once.", "",
                "With STUN_Enable and STUN_Server set, $EXTIP is the address a STUN server sees (EXT_IP wins). "
                        + "With --sip-port, or a Proxy_1_/Proxy_2_ set at power-on, the lines register with "
                        + "their proxies ($REGTMR1/2)."},
        mixinStandardHelpOptions = true,
        sortOptions = false,
        exitCodeList = {"0:the awaited step succeeded", "1:it failed, or bad input (certificate, state dir)",
                "2:usage error"},
        footer = {"  spaprov emulate --mac 000e08aabbcc --set Resync_Random_Delay=0 \\",
                "      --set 'Profile_Rule=http://127.0.0.1:8080/spa$MA.xml' --print-config",
                "  spaprov emulate --mac 00:0e:08:aa:bb:cc --state-dir /tmp/dev1 \\",
                "      --dhcp-tftp-server 127.0.0.1",
                "  spaprov emulate --mac 000e08aabbcc --ca ca.crt \\",
                "      --cert dev.crt --cert-key dev.key --set GPP_SA=secret \\",
                "      --set 'Profile_Rule=[--key $SA] https://prov.example.com/$MA.cfg'",
                "  spaprov emulate --mac 000e08aabbcc --until upgrade \\",
                "      --set 'Upgrade_Rule=http://127.0.0.1:8080/fw.bin'",
                "  spaprov emulate --mac 000e08aabbcc --until forever --sip-port 0 --http-port 8081 \\",
                "      --set Proxy_1_=127.0.0.1:5060 --set User_ID_1_=1001 --set Password_1_=s3cret",
                "  curl -X POST http://127.0.0.1:8081/admin/line/1/busy"})
public final class EmulateCommand extends BaseCommand {
    /** What to wait for. */
    public enum Until { resync, upgrade, forever }

    /** STUN with three tries (0.5 s, 1 s, then 8 s for an answer): power-on waits for the first discovery. */
    private static final StunClient STUN = new StunClient(java.time.Duration.ofMillis(500), 3);

    @Option(names = "--mac", required = true, paramLabel = "MAC", description = "MAC address, e.g. 000e08aabbcc.")
    String mac;

    @Mixin
    DeviceOptions device;

    @Option(names = "--serial", paramLabel = "S", description = "Serial number ($SN; default from the MAC).")
    String serial;

    @Option(names = "--state-dir", paramLabel = "D", description = "Keep values and firmware here across runs.")
    Path stateDir;

    @Option(names = "--cert", paramLabel = "FILE", description = "PEM client certificate ($CCERT = Installed).")
    Path cert;

    @Option(names = "--cert-key", paramLabel = "FILE", description = "PKCS#8 PEM key of --cert.")
    Path certKey;

    @Option(names = "--sip-port", paramLabel = "P", description = "UDP port for SIP NOTIFY (resync, report, reboot_now); 0 = any free.")
    Integer sipPort;

    @Option(names = "--http-port", paramLabel = "P",
            description = "Loopback port of the admin web pages (/admin/resync ..., POST /admin/line/1/busy|idle); 0 = any free.")
    Integer httpPort;

    @Option(names = "--until", defaultValue = "resync", paramLabel = "resync|upgrade|forever",
            description = "Stop after the first resync sequence, the first upgrade attempt, or never (default ${DEFAULT-VALUE}).")
    Until until;

    @Option(names = "--print-config", description = "Print the resulting configuration as XML (secrets left out).")
    boolean printConfig;

    @Option(names = "--json", description = "Events and configuration as JSON lines.")
    boolean json;

    /** Told the bound admin web address once the device is powered on (tests). */
    Consumer<InetSocketAddress> onAdminWeb = a -> { };

    @Override
    public Integer call() {
        DeviceSetup.resolveEveryTime();
        PrintWriter out = out();
        DeviceModel m = device.deviceModel();
        Map<String, String> settings = device.settings();
        List<X509Certificate> cas = device.cas();
        Optional<ClientCredentials> creds = DeviceSetup.cert(cert, certKey);
        checkPort("--sip-port", sipPort);
        checkPort("--http-port", httpPort);
        DeviceIdentity id = new DeviceIdentity(m.model(), DeviceSetup.mac(mac), serial, null, creds);
        EventPrinter printer = new EventPrinter(out, json);
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        EngineObserver observer = new EngineObserver() {
            private boolean first = true;

            @Override
            public void booted(boolean resyncPlanned) {
                boolean firstBoot = first;
                first = false;
                if (firstBoot && until == Until.resync && !resyncPlanned) {
                    done.completeExceptionally(UserException.invalid(
                            "no resync at power-up (Resync_On_Reset or Provision_Enable is No)"));
                }
            }

            @Override
            public void resyncDone(boolean ok, String err) {
                if (until == Until.resync) {
                    done.complete(ok); // the upgrade it led to, and the reboot, were reported before this
                }
            }

            @Override
            public void noUpgrade() {
                if (until == Until.upgrade) {
                    done.completeExceptionally(UserException.invalid("no upgrade attempted (Upgrade_Rule empty, its"
                            + " condition false, the same URL already installed, or Upgrade_Enable is No)"));
                }
            }

            @Override
            public void upgradeDone(boolean ok, String err) {
                if (until == Until.upgrade) {
                    done.complete(ok);
                }
            }
        };
        StateStore store = stateDir == null ? StateStore.NONE : new DirectoryStateStore(stateDir);

        try (RealTimeScheduler clock = new RealTimeScheduler()) {
            DeviceNetwork net = new DeviceNetwork();
            Device.Builder b = Device.builder(id).model(m).firmware(device.firmware).scheduler(clock).store(store)
                    .network(net).tls(new TlsSettings(cas, creds, HostResolver.SYSTEM))
                    .events(printer).observer(observer).dhcpTftpServer(device.dhcpTftp);
            settings.forEach(b::set);
            Device d;
            try {
                d = b.build();
            } catch (IOException e) {
                throw UserException.invalid(stateDir + ": cannot read the device state: " + e.getMessage());
            }
            List<AutoCloseable> servers = new ArrayList<>();
            Optional<InetSocketAddress> adminWeb = Optional.empty();
            PrintWriter err = err();
            try {
                Optional<SipNotifyListener> sip = Optional.empty();
                if (sipPort != null) {
                    sip = Optional.of(SipNotifyListener.start(d, sipPort));
                    servers.add(sip.get());
                    err.println("spaprov: SIP NOTIFY on udp " + sip.get().address().getHostString() + ":"
                            + sip.get().port());
                }
                boolean register = sipPort != null || !d.param("Proxy_1_").isBlank() || !d.param("Proxy_2_").isBlank();
                // first in the list: closed before the listener it may send from
                servers.add(0, net.start(d, clock, new DeviceNetwork.Settings(InetAddress.getLoopbackAddress(), sip,
                        register, STUN, HostResolver.SYSTEM)));
                if (httpPort != null) {
                    AdminWebServer web = AdminWebServer.start(d, InetAddress.getLoopbackAddress(), httpPort,
                            new ConfigReport(m::groupOf, m::secret), Clock.systemUTC());
                    servers.add(web);
                    adminWeb = Optional.of(web.address());
                    err.println("spaprov: admin web pages on http://" + web.address().getHostString() + ":" + web.port()
                            + "/admin/");
                }
                err.flush();
            } catch (IOException e) {
                closeAll(servers);
                throw UserException.invalid("cannot listen: " + e.getMessage());
            }
            try {
                d.powerOn();
                adminWeb.ifPresent(onAdminWeb);
                return await(d, done, printer, out);
            } finally {
                closeAll(servers);
            }
        }
    }

    private int await(Device d, CompletableFuture<Boolean> done, EventPrinter printer, PrintWriter out) {
        boolean ok;
        try {
            ok = done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Cli.INVALID;
        } catch (ExecutionException e) {
            printer.close();
            if (printConfig) {
                printConfig(out, d);
            }
            throw (RuntimeException) e.getCause();
        }
        printer.close();
        if (printConfig) {
            printConfig(out, d);
        }
        return ok ? Cli.OK : Cli.INVALID;
    }

    private static void checkPort(String option, Integer port) {
        if (port != null && (port < 0 || port > 65535)) {
            throw UserException.usage(option + " must be 0..65535, got " + port);
        }
    }

    private static void closeAll(List<AutoCloseable> servers) {
        for (AutoCloseable c : servers) {
            try {
                c.close();
            } catch (Exception e) {
                // shutting down anyway
            }
        }
    }

    private void printConfig(PrintWriter out, Device d) {
        Profile all = d.runningConfig();
        Profile.Builder shown = Profile.builder();
        for (Setting s : all.statements()) {
            if (!d.model().secret(s.name())) {
                shown.add(s);
            }
        }
        synchronized (out) {
            if (json) {
                ObjectNode n = new ObjectMapper().createObjectNode();
                ObjectNode cfg = n.putObject("config");
                shown.build().statements().forEach(s -> cfg.put(s.name(), s.value()));
                out.println(n.toString());
            } else {
                out.print(XmlProfileWriter.write(shown.build()));
            }
            out.flush();
        }
    }
}
