package org.spaprov.device.fetch;

import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The server checks of an SPA (SPEC §9, §15.22) for one connection: the chain must lead to the
 * configured CA; the subject CN, cut at the first {@code /}, is the CN host; when the URL host is a
 * name it must equal the CN host (case-insensitive), when it is an IP literal the CN host must
 * resolve to it; and the address connected to must be among the CN host's DNS answers. Subject
 * Alternative Names are ignored, and being an {@link X509ExtendedTrustManager} keeps the JDK's own
 * SAN-based host check out of the way.
 */
final class SpaTrustManager extends X509ExtendedTrustManager {
    private final X509TrustManager chainCheck;
    private final String urlHost;
    private final InetAddress connected;
    private final HostResolver resolver;

    SpaTrustManager(X509TrustManager chainCheck, String urlHost, InetAddress connected, HostResolver resolver) {
        this.chainCheck = chainCheck;
        this.urlHost = urlHost;
        this.connected = connected;
        this.resolver = resolver;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        chainCheck.checkServerTrusted(chain, authType);
        checkName(chain[0]);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    /** The CN host of a certificate: its subject CN up to the first {@code /}; null when it has none. */
    static String cnHost(X509Certificate cert) {
        try {
            LdapName dn = new LdapName(cert.getSubjectX500Principal().getName());
            for (Rdn rdn : dn.getRdns().reversed()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    String cn = rdn.getValue().toString();
                    int slash = cn.indexOf('/');
                    return slash >= 0 ? cn.substring(0, slash) : cn;
                }
            }
        } catch (InvalidNameException e) {
            return null;
        }
        return null;
    }

    private void checkName(X509Certificate leaf) throws CertificateException {
        String cn = cnHost(leaf);
        if (cn == null || cn.isEmpty()) {
            throw new CertificateException("server certificate has no CN");
        }
        List<InetAddress> answers;
        try {
            answers = resolver.resolve(cn);
        } catch (UnknownHostException e) {
            throw new CertificateException("server certificate CN host " + cn + " does not resolve");
        }
        if (HostResolver.isIpLiteral(urlHost)) {
            if (answers.stream().noneMatch(a -> a.getHostAddress().equals(urlHost))) {
                throw new CertificateException("server certificate CN host " + cn + " does not resolve to " + urlHost);
            }
        } else if (!cn.toLowerCase(Locale.ROOT).equals(urlHost.toLowerCase(Locale.ROOT))) {
            throw new CertificateException("server certificate CN " + cn + " does not match host " + urlHost);
        }
        if (!answers.contains(connected)) {
            throw new CertificateException("connected address " + connected.getHostAddress()
                    + " is not among the DNS answers for " + cn);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a device does not accept client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return chainCheck.getAcceptedIssuers();
    }
}
