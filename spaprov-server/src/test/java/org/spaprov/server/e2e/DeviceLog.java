package org.spaprov.server.e2e;

import java.util.ArrayList;
import java.util.List;
import org.spaprov.device.DeviceEvents;
import org.spaprov.device.DeviceVariables;
import org.spaprov.device.engine.EngineObserver;

/**
 * Records a device's events as the lines {@code spaprov emulate} prints ({@code boot spa2102 MAC 5.2.12},
 * {@code resync-request URL}, {@code resync-success}, {@code resync-failure: ERR}, {@code upgrade-request URL},
 * {@code upgrade-success VERSION}, {@code upgrade-failure: ERR}, {@code reboot}). Thread-safe.
 */
final class DeviceLog implements DeviceEvents, EngineObserver {
    private final List<String> lines = new ArrayList<>();

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    synchronized void clear() {
        lines.clear();
    }

    private synchronized void add(String line) {
        lines.add(line);
    }

    private static String url(DeviceVariables v) {
        return v.getOrEmpty("SCHEME") + "://" + v.getOrEmpty("SERV") + ":" + v.getOrEmpty("PORT") + v.getOrEmpty("PATH");
    }

    @Override public void resyncRequest(DeviceVariables v) { add("resync-request " + url(v)); }
    @Override public void resyncSuccess(DeviceVariables v) { add("resync-success"); }
    @Override public void resyncFailure(DeviceVariables v) { add("resync-failure: " + v.getOrEmpty("ERR")); }
    @Override public void upgradeRequest(DeviceVariables v) { add("upgrade-request " + url(v)); }
    @Override public void upgradeSuccess(DeviceVariables v) { add("upgrade-success " + v.getOrEmpty("ERR")); }
    @Override public void upgradeFailure(DeviceVariables v) { add("upgrade-failure: " + v.getOrEmpty("ERR")); }
    @Override public void boot(String model, String mac, String fw) { add("boot " + model + " " + mac + " " + fw); }
    @Override public void reboot() { add("reboot"); }
}
