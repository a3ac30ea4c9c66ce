package org.spaprov.device.sip;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.spaprov.device.DeviceControl;
import org.spaprov.device.DeviceVariables;
import org.spaprov.profile.Profile;

/**
 * A {@link DeviceControl} for tests of the peripherals: parameters in a map (unknown names read as
 * the empty string), and every action recorded as a line in {@link #calls}.
 */
public final class FakeDevice implements DeviceControl {
    public final Map<String, String> params = new LinkedHashMap<>();
    public final Map<String, String> vars = new LinkedHashMap<>();
    public final BlockingQueue<String> calls = new LinkedBlockingQueue<>();
    private final String mac;

    public FakeDevice(String mac) {
        this.mac = mac;
        reset();
    }

    /** Back to the initial parameters, no recorded calls. */
    public synchronized FakeDevice reset() {
        params.clear();
        vars.clear();
        calls.clear();
        params.put("Resync_From_SIP", "Yes");
        params.put("Auth_Resync-Reboot_1_", "Yes");
        params.put("User_ID_1_", "1001");
        params.put("Password_1_", "s3cret");
        params.put("Report_Rule", "http://127.0.0.1/rep.xml");
        return this;
    }

    public synchronized FakeDevice set(String name, String value) {
        params.put(name, value);
        return this;
    }

    /** The next recorded call, or null after 10 seconds. */
    public String nextCall() throws InterruptedException {
        return calls.poll(10, TimeUnit.SECONDS);
    }

    @Override
    public String mac() {
        return mac;
    }

    @Override
    public synchronized String param(String xmlName) {
        return params.getOrDefault(xmlName, "");
    }

    @Override
    public DeviceVariables variables() {
        return new DeviceVariables(vars);
    }

    @Override
    public void resyncNow(Optional<String> url, String requesterHost) {
        calls.add("resync " + url.orElse("-") + " " + requesterHost);
    }

    @Override
    public void upgradeNow(String url, String requesterHost) {
        calls.add("upgrade " + url + " " + requesterHost);
    }

    @Override
    public void reboot(boolean warm) {
        calls.add(warm ? "restart" : "reboot");
    }

    @Override
    public void setLineBusy(int line, boolean busy) {
        calls.add("line " + line + (busy ? " busy" : " idle"));
    }

    @Override
    public void sendReport() {
        calls.add("report");
    }

    @Override
    public synchronized Profile runningConfig() {
        Profile.Builder b = Profile.builder();
        params.forEach(b::set);
        return b.build();
    }
}
