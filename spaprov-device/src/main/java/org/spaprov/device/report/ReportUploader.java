package org.spaprov.device.report;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spaprov.device.DeviceControl;
import org.spaprov.device.policy.DomainPolicy;
import org.spaprov.profile.Profile;
import org.spaprov.profile.codec.Digest;
import org.spaprov.profile.codec.OpenSslAes;
import org.spaprov.rules.RuleKind;
import org.spaprov.rules.RuleOutcome;
import org.spaprov.rules.RuleUrl;
import org.spaprov.rules.Rules;
import org.spaprov.rules.Variables;
import org.spaprov.tftp.TftpClient;
import org.spaprov.tftp.TftpClientOptions;
import org.spaprov.tftp.TftpException;

/**
 * One Report_Rule attempt (SPEC §8, §15.12), no retries:
 * <ol>
 *   <li>evaluate {@code Report_Rule} ({@link RuleKind#REPORT}) with the device's variables; an empty
 *       rule or no matching alternative sends nothing;</li>
 *   <li>refuse a host that {@code Restricted_Access_Domains} does not allow ({@link DomainPolicy});
 *       a URL without host goes to the DHCP option-66 TFTP server when one is given;</li>
 *   <li>body = {@link ConfigReport#xml} of the running configuration (secrets never included),
 *       encrypted as {@code openssl enc -aes-256-cbc -md md5 -k KEY} when the rule has {@code --key};</li>
 *   <li>HTTP/HTTPS: {@code POST} with {@code Content-Type: text/xml}, or
 *       {@code application/octet-stream} when encrypted; 2xx is success. TFTP: a WRQ of the body.</li>
 * </ol>
 * Blocking (call it on a virtual thread); thread-safe. Neither the key nor the body is logged.
 * {@link #close()} closes the HTTP client.
 */
public final class ReportUploader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReportUploader.class);
    /** Default time limit for one HTTP POST. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final TftpClient tftp;
    private final TftpClientOptions tftpOptions;
    private final ConfigReport report;
    private final Duration timeout;

    /**
     * @param http the client for HTTP/HTTPS (carries the device's TLS settings and client certificate)
     * @param tftp the TFTP client
     * @param tftpOptions options for the WRQ
     * @param report how the body is written ({@code ConfigReport.of(catalog)})
     * @param timeout time limit for one HTTP POST
     */
    public ReportUploader(HttpClient http, TftpClient tftp, TftpClientOptions tftpOptions,
            ConfigReport report, Duration timeout) {
        this.http = http;
        this.tftp = tftp;
        this.tftpOptions = tftpOptions;
        this.report = report;
        this.timeout = timeout;
    }

    /** Plain HTTP client (no client certificate), default TFTP options, no groups. */
    public static ReportUploader defaults() {
        return of(ConfigReport.PLAIN);
    }

    /** Plain HTTP client (no client certificate), default TFTP options, bodies written by {@code report}. */
    public static ReportUploader of(ConfigReport report) {
        return new ReportUploader(HttpClient.newBuilder().connectTimeout(DEFAULT_TIMEOUT).build(), new TftpClient(),
                TftpClientOptions.defaults(), report, DEFAULT_TIMEOUT);
    }

    @Override
    public void close() {
        http.close();
    }

    /**
     * One attempt for {@code device}: reads {@code Report_Rule}, {@code Restricted_Access_Domains},
     * the variables and the running configuration from it.
     *
     * @param dhcpTftpServer the DHCP option-66 server for URLs without host
     * @param userAgent the HTTP User-Agent (SPEC §9), e.g. {@code Linksys/SPA-2102-5.2.12 (88012BA01234)}
     */
    public ReportResult upload(DeviceControl device, Optional<String> dhcpTftpServer, String userAgent) {
        return upload(device.param("Report_Rule"), withKeys(device.variables(), device), device.runningConfig(),
                device.param("Restricted_Access_Domains"), dhcpTftpServer, userAgent);
    }

    /**
     * The device's variables plus {@code SA}..{@code SD} from {@code GPP_SA}..{@code GPP_SD}, which the
     * rule language expands only inside {@code --key} (SPEC §4.3).
     */
    static Variables withKeys(Variables variables, DeviceControl device) {
        return name -> name.length() == 2 && name.charAt(0) == 'S' && name.charAt(1) >= 'A' && name.charAt(1) <= 'D'
                ? Optional.of(device.param("GPP_" + name)) : variables.get(name);
    }

    /** One attempt with explicit inputs (see class comment). Never throws. */
    public ReportResult upload(String reportRule, Variables variables, Profile running, String restrictedDomains,
            Optional<String> dhcpTftpServer, String userAgent) {
        ReportResult r;
        try {
            r = attempt(reportRule, variables, running, restrictedDomains, dhcpTftpServer, userAgent);
        } catch (RuntimeException e) {
            r = ReportResult.of(ReportResult.Outcome.FAILED, Optional.empty(), "internal error: " + e.getClass().getSimpleName());
        }
        LOG.info("report {}{}: {}{}", r.outcome(), r.url().map(u -> " " + u).orElse(""), r.detail(),
                r.sent() ? " (" + r.bytes() + " bytes" + (r.encrypted() ? ", encrypted)" : ")") : "");
        return r;
    }

    private ReportResult attempt(String reportRule, Variables variables, Profile running, String restrictedDomains,
            Optional<String> dhcpTftpServer, String userAgent) {
        if (reportRule == null || reportRule.isBlank()) {
            return ReportResult.of(ReportResult.Outcome.SKIPPED, Optional.empty(), "Report_Rule is empty");
        }
        RuleOutcome outcome = Rules.evaluate(reportRule, RuleKind.REPORT, variables);
        RuleOutcome.Selected sel;
        switch (outcome) {
            case RuleOutcome.Skipped s -> {
                return ReportResult.of(ReportResult.Outcome.SKIPPED, Optional.empty(), "no alternative applies");
            }
            case RuleOutcome.BadRule b -> {
                return ReportResult.of(ReportResult.Outcome.BAD_RULE, Optional.empty(),
                        "Report_Rule column " + (b.column() + 1) + ": " + b.message());
            }
            case RuleOutcome.Selected s -> sel = s;
        }
        if (sel.url().isEmpty()) {
            return ReportResult.of(ReportResult.Outcome.BAD_RULE, Optional.empty(), "Report_Rule has no URL");
        }
        RuleUrl url = sel.url().get();
        Optional<String> host = url.host().or(() -> dhcpTftpServer.filter(h -> !h.isBlank()));
        if (host.isEmpty()) {
            return ReportResult.of(ReportResult.Outcome.BAD_RULE, Optional.of(url.toString()), "bad url: no server");
        }
        String target = url.scheme() + "://" + hostPart(host.get()) + ":" + url.port() + url.path();
        if (!DomainPolicy.allowed(host.get(), restrictedDomains)) {
            return ReportResult.of(ReportResult.Outcome.DOMAIN_NOT_ALLOWED, Optional.of(target), "domain not allowed");
        }
        Optional<String> key = sel.options().key();
        if (key.isPresent() && key.get().isEmpty()) {
            // encryption was asked for: never send the configuration in clear instead
            return ReportResult.of(ReportResult.Outcome.NO_KEY, Optional.of(target), "--key is empty; nothing sent");
        }
        byte[] xml = report.xml(running).getBytes(StandardCharsets.UTF_8);
        byte[] body = key.map(k -> OpenSslAes.encrypt(xml, k, Digest.MD5)).orElse(xml);
        String detail = switch (url.scheme()) {
            case "http", "https" -> post(URI.create(target), body, key.isPresent(), userAgent);
            default -> put(host.get(), url.port(), url.path(), body);
        };
        return detail.isEmpty()
                ? new ReportResult(ReportResult.Outcome.SENT, Optional.of(target), "sent", body.length, key.isPresent())
                : ReportResult.of(ReportResult.Outcome.FAILED, Optional.of(target), detail);
    }

    /** POSTs; the empty string on success, else what went wrong. */
    private String post(URI uri, byte[] body, boolean encrypted, String userAgent) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", encrypted ? "application/octet-stream" : "text/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (userAgent != null && !userAgent.isBlank()) {
            b.header("User-Agent", userAgent);
        }
        try {
            HttpResponse<Void> resp = http.send(b.build(), HttpResponse.BodyHandlers.discarding());
            int status = resp.statusCode();
            return status / 100 == 2 ? "" : "HTTP " + status;
        } catch (HttpTimeoutException e) {
            return "timeout";
        } catch (ConnectException e) {
            return "connect failed";
        } catch (IOException e) {
            return uri.getScheme() + "_post failed: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** TFTP WRQ; the empty string on success, else what went wrong. */
    private String put(String host, int port, String path, byte[] body) {
        InetSocketAddress server = new InetSocketAddress(host, port);
        if (server.isUnresolved()) {
            return "dns lookup failed";
        }
        try {
            tftp.put(server, path, body, tftpOptions);
            return "";
        } catch (TftpException e) {
            return switch (e.kind()) {
                case TIMEOUT -> "timeout";
                case ACCESS_VIOLATION -> "tftp_put failed: access violation";
                case FILE_NOT_FOUND -> "tftp_put failed: file not found";
                default -> "tftp_put failed: " + e.kind().name().toLowerCase(java.util.Locale.ROOT);
            };
        }
    }

    private static String hostPart(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
