package org.spaprov.device;

import java.util.List;
import java.util.function.Consumer;

/** Delivers each event to every listener; a listener that throws does not stop the others. */
final class FanOutEvents implements DeviceEvents {
    private final List<DeviceEvents> listeners;

    FanOutEvents(List<DeviceEvents> listeners) {
        this.listeners = listeners;
    }

    private void each(Consumer<DeviceEvents> c) {
        for (DeviceEvents l : listeners) {
            try {
                c.accept(l);
            } catch (RuntimeException e) {
                // the contract says listeners must not throw; one that does must not stop the device
            }
        }
    }

    @Override public void resyncRequest(DeviceVariables v) { each(l -> l.resyncRequest(v)); }
    @Override public void resyncSuccess(DeviceVariables v) { each(l -> l.resyncSuccess(v)); }
    @Override public void resyncFailure(DeviceVariables v) { each(l -> l.resyncFailure(v)); }
    @Override public void upgradeRequest(DeviceVariables v) { each(l -> l.upgradeRequest(v)); }
    @Override public void upgradeSuccess(DeviceVariables v) { each(l -> l.upgradeSuccess(v)); }
    @Override public void upgradeFailure(DeviceVariables v) { each(l -> l.upgradeFailure(v)); }
    @Override public void boot(String model, String mac, String fw) { each(l -> l.boot(model, mac, fw)); }
    @Override public void reboot() { each(DeviceEvents::reboot); }
    @Override public void report(org.spaprov.device.report.ReportResult r) { each(l -> l.report(r)); }
}
