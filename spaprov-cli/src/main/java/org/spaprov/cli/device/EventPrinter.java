package org.spaprov.cli.device;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import org.spaprov.device.DeviceEvents;
import org.spaprov.device.DeviceVariables;

/**
 * Prints one line per device event: {@code boot <model> <mac> <fw>}, {@code resync-request <url>},
 * {@code resync-success}, {@code resync-failure: <ERR>}, {@code upgrade-request <url>},
 * {@code upgrade-success <version>}, {@code upgrade-failure: <ERR>}, {@code reboot}; or the same
 * as JSON objects with an {@code event} field. Stops printing once {@link #close()}d.
 */
final class EventPrinter implements DeviceEvents {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintWriter out;
    private final boolean json;
    private volatile boolean closed;

    EventPrinter(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    void close() {
        closed = true;
    }

    static String url(DeviceVariables v) {
        return v.getOrEmpty("SCHEME") + "://" + v.getOrEmpty("SERV") + ":" + v.getOrEmpty("PORT") + v.getOrEmpty("PATH");
    }

    private void print(String event, String field, String value) {
        if (closed) {
            return;
        }
        synchronized (out) {
            if (json) {
                ObjectNode n = JSON.createObjectNode().put("event", event);
                if (field != null) {
                    n.put(field, value);
                }
                out.println(n.toString());
            } else {
                out.println(field == null ? event : event.endsWith("failure") ? event + ": " + value : event + " " + value);
            }
            out.flush();
        }
    }

    @Override public void resyncRequest(DeviceVariables v) { print("resync-request", "url", url(v)); }
    @Override public void resyncSuccess(DeviceVariables v) { print("resync-success", null, null); }
    @Override public void resyncFailure(DeviceVariables v) { print("resync-failure", "err", v.getOrEmpty("ERR")); }
    @Override public void upgradeRequest(DeviceVariables v) { print("upgrade-request", "url", url(v)); }
    @Override public void upgradeSuccess(DeviceVariables v) { print("upgrade-success", "version", v.getOrEmpty("ERR")); }
    @Override public void upgradeFailure(DeviceVariables v) { print("upgrade-failure", "err", v.getOrEmpty("ERR")); }
    @Override public void reboot() { print("reboot", null, null); }

    @Override
    public void boot(String model, String mac, String fw) {
        if (json) {
            if (!closed) {
                synchronized (out) {
                    out.println(JSON.createObjectNode().put("event", "boot").put("model", model).put("mac", mac)
                            .put("firmware", fw).toString());
                    out.flush();
                }
            }
        } else {
            print("boot", "", model + " " + mac + " " + fw);
        }
    }
}
