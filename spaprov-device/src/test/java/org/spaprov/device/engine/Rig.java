package org.spaprov.device.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.spaprov.device.Device;
import org.spaprov.device.DeviceEvents;
import org.spaprov.device.DeviceIdentity;
import org.spaprov.device.DeviceVariables;
import org.spaprov.device.fetch.FetchError;
import org.spaprov.device.fetch.FetchRequest;
import org.spaprov.device.fetch.FetchResult;
import org.spaprov.device.fetch.HostResolver;
import org.spaprov.device.fetch.Transport;
import org.spaprov.device.state.StateStore;

/** A device on a virtual clock with an in-memory server: path → body, FNF for unknown paths. */
final class Rig implements Transport, DeviceEvents {
    final VirtualScheduler clock = new VirtualScheduler();
    final Instant start = clock.now();
    final Map<String, Object> files = new ConcurrentHashMap<>();
    final List<String> log = new ArrayList<>();
    final List<Long> resyncSeconds = new ArrayList<>();
    final List<Long> fetchSeconds = new ArrayList<>();
    final List<FetchRequest> requests = new ArrayList<>();
    final List<DeviceVariables> failures = new ArrayList<>();
    final List<DeviceVariables> successes = new ArrayList<>();
    Device device;

    static final HostResolver LOOPBACK = host -> List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));

    Rig put(String path, String body) {
        files.put(path, body.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    Rig put(String path, byte[] body) {
        files.put(path, body);
        return this;
    }

    Rig fail(String path, FetchError e) {
        files.put(path, e);
        return this;
    }

    Device build(Map<String, String> settings) {
        return build(settings, StateStore.NONE, 42);
    }

    Device build(Map<String, String> settings, StateStore store, long seed) {
        try {
            Device.Builder b = Device.builder(DeviceIdentity.of("spa2102", "000e08aabbcc")).firmware("5.2.12")
                    .scheduler(clock).random(java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(seed))
                    .store(store).transport(this).resolver(LOOPBACK).events(this).dhcpTftpServer("tftp.test");
            settings.forEach(b::set);
            device = b.build();
            return device;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long secs() {
        return Duration.between(start, clock.now()).toSeconds();
    }

    @Override
    public FetchResult fetch(FetchRequest r) {
        requests.add(r);
        fetchSeconds.add(secs());
        Object f = files.get(r.path());
        if (f == null) {
            return new FetchResult.Failed(FetchError.FILE_NOT_FOUND, "no such file");
        }
        if (f instanceof FetchError e) {
            return new FetchResult.Failed(e, "test");
        }
        return new FetchResult.Ok((byte[]) f, r.addresses().get(0));
    }

    @Override
    public void resyncRequest(DeviceVariables v) {
        log.add("resync-request " + v.getOrEmpty("SCHEME") + "://" + v.getOrEmpty("SERV") + ":" + v.getOrEmpty("PORT")
                + v.getOrEmpty("PATH"));
    }

    @Override
    public void resyncSuccess(DeviceVariables v) {
        resyncSeconds.add(secs());
        successes.add(v);
        log.add("resync-success");
    }

    @Override
    public void resyncFailure(DeviceVariables v) {
        resyncSeconds.add(secs());
        failures.add(v);
        log.add("resync-failure: " + v.getOrEmpty("ERR"));
    }

    @Override
    public void upgradeRequest(DeviceVariables v) {
        log.add("upgrade-request " + v.getOrEmpty("PATH") + " UPGST=" + v.getOrEmpty("UPGST") + " @" + secs());
    }

    @Override
    public void upgradeSuccess(DeviceVariables v) {
        log.add("upgrade-success " + v.getOrEmpty("ERR"));
    }

    @Override
    public void upgradeFailure(DeviceVariables v) {
        log.add("upgrade-failure: " + v.getOrEmpty("ERR"));
    }

    @Override
    public void boot(String model, String mac, String fw) {
        log.add("boot " + model + " " + mac + " " + fw);
    }

    @Override
    public void reboot() {
        log.add("reboot");
    }

    static String xml(String... nameValue) {
        StringBuilder b = new StringBuilder("<flat-profile>\n");
        for (int i = 0; i < nameValue.length; i += 2) {
            b.append("  <").append(nameValue[i]).append('>').append(nameValue[i + 1]).append("</")
                    .append(nameValue[i]).append(">\n");
        }
        return b.append("</flat-profile>\n").toString();
    }
}
