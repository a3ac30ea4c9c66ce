package org.spaprov.device.peers;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.spaprov.device.DeviceEvents;
import org.spaprov.device.DeviceVariables;
import org.spaprov.device.engine.EngineObserver;

/** Collects events as CLI-style lines and completes futures when a resync or upgrade ends. */
public class Recorder implements DeviceEvents, EngineObserver {
    public final List<String> lines = new CopyOnWriteArrayList<>();
    public final List<DeviceVariables> vars = new CopyOnWriteArrayList<>();
    public final CompletableFuture<String> resync = new CompletableFuture<>();
    public final CompletableFuture<String> upgrade = new CompletableFuture<>();

    @Override
    public void resyncRequest(DeviceVariables v) {
        vars.add(v);
        lines.add("resync-request " + v.getOrEmpty("SCHEME") + "://" + v.getOrEmpty("SERV") + ":" + v.getOrEmpty("PORT")
                + v.getOrEmpty("PATH"));
    }

    @Override
    public void resyncSuccess(DeviceVariables v) {
        lines.add("resync-success");
    }

    @Override
    public void resyncFailure(DeviceVariables v) {
        lines.add("resync-failure: " + v.getOrEmpty("ERR"));
    }

    @Override
    public void upgradeRequest(DeviceVariables v) {
        lines.add("upgrade-request " + v.getOrEmpty("SCHEME") + "://" + v.getOrEmpty("SERV") + ":" + v.getOrEmpty("PORT")
                + v.getOrEmpty("PATH"));
    }

    @Override
    public void upgradeSuccess(DeviceVariables v) {
        lines.add("upgrade-success " + v.getOrEmpty("ERR"));
    }

    @Override
    public void upgradeFailure(DeviceVariables v) {
        lines.add("upgrade-failure: " + v.getOrEmpty("ERR"));
    }

    @Override
    public void boot(String model, String mac, String fw) {
        lines.add("boot " + model + " " + mac + " " + fw);
    }

    @Override
    public void reboot() {
        lines.add("reboot");
    }

    @Override
    public void resyncDone(boolean ok, String err) {
        resync.complete(ok ? "" : err);
    }

    @Override
    public void upgradeDone(boolean ok, String err) {
        upgrade.complete(ok ? "ok " + err : err);
    }
}
