package org.spaprov.device;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.spaprov.device.engine.Scheduler;
import org.spaprov.device.fetch.HostResolver;
import org.spaprov.device.net.NetworkState;
import org.spaprov.device.sip.LineRegistrar;
import org.spaprov.device.sip.SipNotifyListener;
import org.spaprov.device.stun.ExternalAddress;
import org.spaprov.device.stun.StunClient;

/**
 * One emulated device's network identity: {@code $EXTIP} from {@code EXT_IP} or STUN
 * ({@link ExternalAddress}) and {@code $REGTMR1/2} from registering its lines ({@link LineRegistrar}).
 * Made before the device (hand it to {@link Device.Builder#network}), started once the device
 * exists; until then it shows {@code EXT_IP} and {@code $REGTMR} 0.
 *
 * <pre>{@code
 * DeviceNetwork net = new DeviceNetwork();
 * Device d = Device.builder(id).network(net).scheduler(s).build();
 * net.start(d, s, DeviceNetwork.Settings.loopback(Optional.of(notifyListener)));
 * d.powerOn();
 * }</pre>
 * Thread-safe; {@link #close()} stops STUN and the SIP endpoint.
 */
public final class DeviceNetwork implements NetworkState, AutoCloseable {
    /**
     * How the device reaches the network.
     *
     * @param bind the local address of a registering endpoint of its own (a free UDP port), used without {@code sip}
     * @param sip the device's NOTIFY listener: lines register from its endpoint, as from a real SPA's one SIP port
     * @param register whether lines register at all (a fleet may leave SIP out)
     */
    public record Settings(InetAddress bind, Optional<SipNotifyListener> sip, boolean register, StunClient stun,
                           HostResolver resolver) {
        /** Loopback, registering, RFC 5389 STUN timing, the system resolver. */
        public static Settings loopback(Optional<SipNotifyListener> sip) {
            return new Settings(InetAddress.getLoopbackAddress(), sip, true, StunClient.RFC_5389, HostResolver.SYSTEM);
        }
    }

    private volatile UnaryOperator<String> param = name -> "";
    private volatile ExternalAddress external;
    private volatile LineRegistrar registrar;

    /**
     * Starts STUN discovery and line registration for {@code device}, timed by {@code scheduler}.
     * When STUN is on, the first discovery runs before this returns (so power-on sees {@code $EXTIP};
     * at most the STUN client's retransmission time).
     *
     * @throws IOException when the SIP endpoint cannot start
     * @throws IllegalStateException when already started
     */
    public DeviceNetwork start(DeviceControl device, Scheduler scheduler, Settings s) throws IOException {
        return start(device, scheduler, s, LineRegistrar.Observer.NONE);
    }

    /** As {@link #start(DeviceControl, Scheduler, Settings)}, telling {@code lines} of every change of a line's registration. */
    public synchronized DeviceNetwork start(DeviceControl device, Scheduler scheduler, Settings s,
            LineRegistrar.Observer lines) throws IOException {
        if (external != null) {
            throw new IllegalStateException("already started");
        }
        this.param = device::param;
        this.external = new ExternalAddress(device::param, scheduler, s.stun(), s.resolver()).start();
        if (s.register()) {
            this.registrar = s.sip().isPresent()
                    ? LineRegistrar.startOn(s.sip().get(), device.mac(), device::param, scheduler, lines)
                    : LineRegistrar.start(device.mac(), device::param, scheduler, s.bind(), lines);
        }
        return this;
    }

    /** The registering endpoint, when started with {@code register}. */
    public Optional<LineRegistrar> registrar() {
        return Optional.ofNullable(registrar);
    }

    @Override
    public String extIp() {
        ExternalAddress e = external;
        return e != null ? e.extIp() : param.apply("EXT_IP").strip();
    }

    @Override
    public long regTimer(int line) {
        LineRegistrar r = registrar;
        return r != null ? r.regTimer(line) : 0;
    }

    /** Stops discovery and registering (with an endpoint of its own: about one second). Idempotent. */
    @Override
    public synchronized void close() {
        if (external != null) {
            external.close();
        }
        if (registrar != null) {
            registrar.close();
        }
    }
}
