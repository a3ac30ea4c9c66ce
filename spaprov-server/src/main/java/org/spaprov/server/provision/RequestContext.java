package org.spaprov.server.provision;

import java.util.Optional;
import org.spaprov.profile.Profile;
import org.spaprov.server.device.DeviceRecord;
import org.spaprov.server.site.Site;

/**
 * What the stages of {@link ProvisionChain} know about one request so far; each stage passes on a
 * copy with what it added. Immutable.
 *
 * @param request the request as received
 * @param site    the site snapshot the whole request uses (a reload mid-request does not mix sites)
 * @param named   what the path names (set by {@link GuardStage})
 * @param mac     the identity: client-certificate MAC, else the MAC in the name
 * @param byCert  true when {@code mac} comes from a client certificate
 * @param device  the device record (site or store)
 * @param profile the built profile (set by {@link BuildStage})
 */
public record RequestContext(ProvisionRequest request, Site site, Optional<RequestNaming.Named> named,
        Optional<String> mac, boolean byCert, Optional<DeviceRecord> device, Optional<Profile> profile) {

    public static RequestContext start(ProvisionRequest r, Site site) {
        return new RequestContext(r, site, Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty());
    }

    public RequestContext withNamed(RequestNaming.Named n) {
        return new RequestContext(request, site, Optional.of(n), mac, byCert, device, profile);
    }

    public RequestContext withMac(Optional<String> m, boolean fromCert) {
        return new RequestContext(request, site, named, m, fromCert, device, profile);
    }

    public RequestContext withDevice(DeviceRecord d) {
        return new RequestContext(request, site, named, Optional.of(d.mac()), byCert, Optional.of(d), profile);
    }

    public RequestContext withNamedKind(FileKind kind) {
        RequestNaming.Named n = named.orElseThrow();
        return withNamed(new RequestNaming.Named(kind, n.file(), n.mac(), n.series(), n.plain() || kind == FileKind.BOOTSTRAP));
    }

    public RequestContext withProfile(Profile p) {
        return new RequestContext(request, site, named, mac, byCert, device, Optional.of(p));
    }

    /** What the path names; stages after {@link GuardStage} may rely on it. */
    public RequestNaming.Named name() {
        return named.orElseThrow(() -> new IllegalStateException("GuardStage did not run"));
    }

    public FileKind kind() {
        return name().kind();
    }

    /** An error result attributed to this request's device. */
    public ProvisionResult error(int status, String reason) {
        return ProvisionResult.error(status, reason, mac);
    }
}
