package org.spaprov.server.provision;

import java.security.cert.X509Certificate;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.spaprov.profile.Mac;

/**
 * Device identity, strongest first (SPEC §15.13): a client certificate's MAC (subject CN, else ST)
 * beats the MAC in the file name. A certificate naming no MAC → 403; a certificate for MAC A asking
 * for B's profile → 403 (a device never receives another device's profile).
 */
final class IdentifyStage implements Stage {
    @Override
    public ProvisionResult handle(RequestContext ctx, Next next) {
        if (ctx.request().clientCert().isEmpty()) {
            return next.proceed(ctx);
        }
        Optional<String> certMac = macOf(ctx.request().clientCert().get());
        if (certMac.isEmpty()) {
            return ctx.error(403, "client certificate names no MAC (CN or ST)");
        }
        Optional<String> asked = ctx.name().mac();
        if (asked.isPresent() && !asked.equals(certMac)) {
            return ProvisionResult.error(403, "client certificate of " + certMac.get() + " asked for the profile of "
                    + asked.get(), certMac);
        }
        return next.proceed(ctx.withMac(certMac, true));
    }

    /** The MAC from the subject CN, else ST (12 hex digits, separators allowed). */
    static Optional<String> macOf(X509Certificate cert) {
        X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        Optional<String> cn = attr(subject, BCStyle.CN).flatMap(Mac::tryParse).map(Mac::hex);
        return cn.isPresent() ? cn : attr(subject, BCStyle.ST).flatMap(Mac::tryParse).map(Mac::hex);
    }

    private static Optional<String> attr(X500Name name, ASN1ObjectIdentifier oid) {
        RDN[] rdns = name.getRDNs(oid);
        return rdns.length == 0 ? Optional.empty()
                : Optional.of(IETFUtils.valueToString(rdns[0].getFirst().getValue()));
    }
}
