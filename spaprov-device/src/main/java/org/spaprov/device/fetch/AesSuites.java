package org.spaprov.device.fetch;

import java.util.Arrays;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The cipher suites the emulated device offers over HTTPS: only AES ones, as SPEC §9 reads for a
 * modern implementation of the v3.0 firmware (whose list is AES or RC4/export, and RC4 is gone).
 *
 * <p>Offered: the TLS 1.3 AES-GCM suites, and on TLS 1.2 {@code TLS_ECDHE_ECDSA/RSA_WITH_AES_*},
 * {@code TLS_DHE_RSA_WITH_AES_*} and {@code TLS_RSA_WITH_AES_*}, in the JDK's order and only as far
 * as the JDK supports them (its {@code jdk.tls.disabledAlgorithms} still applies; JDK 24+ disables
 * {@code TLS_RSA_*}). Stateless and thread-safe.
 */
final class AesSuites {
    private static final Pattern AES = Pattern.compile(
            "TLS_AES_(128|256)_GCM_SHA(256|384)|TLS_(ECDHE_ECDSA|ECDHE_RSA|DHE_RSA|RSA)_WITH_AES_(128|256)_\\w+");

    private AesSuites() {
    }

    /** Whether the device offers {@code suite}. */
    static boolean offered(String suite) {
        return AES.matcher(suite).matches();
    }

    /** The offered suites among {@code suites}, order kept. */
    static String[] filter(String[] suites) {
        return Arrays.stream(suites).filter(AesSuites::offered).toArray(String[]::new);
    }

    /** Client parameters for {@code ctx} offering only the AES suites it supports (protocols: the JDK default). */
    static SSLParameters parameters(SSLContext ctx) {
        return new SSLParameters(filter(ctx.getSupportedSSLParameters().getCipherSuites()));
    }
}
