package org.spaprov.device.engine;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.spaprov.device.DeviceEvents;
import org.spaprov.device.DeviceIdentity;
import org.spaprov.device.fetch.HostResolver;
import org.spaprov.device.fetch.Transport;
import org.spaprov.device.net.NetworkState;
import org.spaprov.device.state.DeviceModel;
import org.spaprov.device.state.StateStore;

/**
 * Everything a {@link ProvisioningEngine} is made of. Fleets share all parts except identity,
 * store, random and events.
 *
 * @param dhcpTftpServer the TFTP server of DHCP option 66 (SPEC §15.14), or null
 * @param ip             the device's own address ($IP)
 * @param network        $EXTIP and $REGTMR1/2 (STUN, SIP registration)
 */
public record EngineParts(DeviceIdentity identity, DeviceModel model, Scheduler scheduler, RandomGenerator random,
                          StateStore store, Transport transport, HostResolver resolver, RuleLanguage rules,
                          ContentCodec codec, DeviceEvents events, EngineObserver observer,
                          Hooks.ReportSender reports, Hooks.DomainCheck domains, String dhcpTftpServer, String ip,
                          NetworkState network) {
    public EngineParts {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(transport, "transport");
        resolver = resolver == null ? HostResolver.SYSTEM : resolver;
        rules = rules == null ? RuleLanguage.builtin() : rules;
        codec = codec == null ? ContentCodec.builtin() : codec;
        events = events == null ? DeviceEvents.NONE : events;
        observer = observer == null ? EngineObserver.NONE : observer;
        reports = reports == null ? Hooks.ReportSender.NONE : reports;
        domains = domains == null ? Hooks.DomainCheck.SPEC : domains;
        ip = ip == null ? "127.0.0.1" : ip;
        network = network == null ? NetworkState.NONE : network;
    }
}
