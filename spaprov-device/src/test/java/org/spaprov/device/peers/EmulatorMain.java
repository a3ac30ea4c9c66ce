package org.spaprov.device.peers;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.spaprov.device.Device;
import org.spaprov.device.DeviceIdentity;
import org.spaprov.device.engine.RealTimeScheduler;
import org.spaprov.device.state.DirectoryStateStore;

/** A device in its own JVM (for the kill test): {@code EmulatorMain STATE_DIR PROFILE_RULE}; prints events. */
public final class EmulatorMain {
    private EmulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        Recorder r = new Recorder() {
            @Override
            public void resyncDone(boolean ok, String err) {
                System.out.println(ok ? "done ok" : "done " + err);
                System.out.flush();
            }
        };
        Recorder echo = new Recorder() {
            @Override
            public void resyncRequest(org.spaprov.device.DeviceVariables v) {
                super.resyncRequest(v);
                System.out.println(lines.get(lines.size() - 1));
                System.out.flush();
            }
        };
        Device d = Device.builder(DeviceIdentity.of("spa2102", "000e08aabbcc"))
                .store(new DirectoryStateStore(Path.of(args[0]))).scheduler(new RealTimeScheduler())
                .events(echo).observer(r)
                .set("Resync_Random_Delay", "0").set("Resync_Periodic", "0").set("Resync_Error_Retry_Delay", "0")
                .set("Profile_Rule", args[1]).build();
        d.powerOn();
        new CountDownLatch(1).await();
    }
}
