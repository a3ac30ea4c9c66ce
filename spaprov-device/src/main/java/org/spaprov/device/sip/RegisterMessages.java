package org.spaprov.device.sip;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import java.text.ParseException;
import java.util.List;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.address.Address;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The REGISTER requests one endpoint sends (RFC 3261 §10.2) and what their answers grant:
 * Request-URI {@code sip:proxy:port}, To and From the address of record {@code sip:user@proxy}, Via
 * and Contact the sending endpoint, {@code Expires} the time asked for, and the digest answer when
 * there is one. Not thread-safe beyond
 * what JAIN-SIP's factories are; {@link LineRegistrar} calls it under its lock.
 */
final class RegisterMessages {
    private final MessageFactoryImpl messages = new MessageFactoryImpl();
    private final HeaderFactoryImpl headers = new HeaderFactoryImpl();
    private final AddressFactoryImpl addresses = new AddressFactoryImpl();
    private final ListeningPoint from;

    RegisterMessages(ListeningPoint from) {
        this.from = from;
    }

    /**
     * One REGISTER of a line.
     *
     * @param authHeader {@code Authorization} or {@code Proxy-Authorization}, or null for none
     */
    Request register(LineConfig c, String callId, long cseq, String fromTag, String authHeader, String authValue)
            throws ParseException, InvalidArgumentException {
        String proxyHost = c.proxyAddress().getHostString();
        Address aor = addresses.createAddress(addresses.createURI("sip:" + c.user() + "@" + bracket(proxyHost)));
        Request r = messages.createRequest(addresses.createURI(c.registrarUri()), Request.REGISTER,
                headers.createCallIdHeader(callId), headers.createCSeqHeader(cseq, Request.REGISTER),
                headers.createFromHeader(aor, fromTag), headers.createToHeader(aor, null),
                List.of(headers.createViaHeader(from.getIPAddress(), from.getPort(), "udp", null)),
                headers.createMaxForwardsHeader(70));
        r.addHeader(headers.createContactHeader(addresses.createAddress(addresses.createURI(
                "sip:" + c.user() + "@" + bracket(from.getIPAddress()) + ":" + from.getPort()))));
        r.addHeader(headers.createExpiresHeader(c.expires()));
        if (authHeader != null) {
            r.addHeader(headers.createHeader(authHeader, authValue));
        }
        return r;
    }

    /** A bodiless answer to {@code request}. */
    Response answer(Request request, int status) throws ParseException {
        return messages.createResponse(status, request);
    }

    /** The time granted: our Contact's {@code expires}, else the Expires header, else what we asked. */
    static int granted(Response resp, int asked) {
        var contacts = resp.getHeaders(ContactHeader.NAME);
        while (contacts.hasNext()) {
            if (contacts.next() instanceof ContactHeader ch && ch.getExpires() >= 0) {
                return ch.getExpires();
            }
        }
        return resp.getHeader(ExpiresHeader.NAME) instanceof ExpiresHeader e ? e.getExpires() : asked;
    }

    private static String bracket(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
