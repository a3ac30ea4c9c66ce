package org.spaprov.device.syslog;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spaprov.device.DeviceControl;
import org.spaprov.device.DeviceEvents;
import org.spaprov.device.DeviceVariables;
import org.spaprov.device.policy.Secrets;
import org.spaprov.rules.Macros;
import org.spaprov.rules.Variables;

/**
 * Sends the device's provisioning log messages to {@code Syslog_Server} (and to {@code Debug_Server}
 * when set) as SPEC §12 and §15.21 describe:
 * <table>
 *   <caption>events and messages</caption>
 *   <tr><th>event</th><th>template parameter</th><th>severity</th></tr>
 *   <tr><td>resyncRequest</td><td>{@code Log_Resync_Request_Msg}</td><td>notice</td></tr>
 *   <tr><td>resyncSuccess</td><td>{@code Log_Resync_Success_Msg}</td><td>notice</td></tr>
 *   <tr><td>resyncFailure</td><td>{@code Log_Resync_Failure_Msg}</td><td>err</td></tr>
 *   <tr><td>upgradeRequest</td><td>{@code Log_Upgrade_Request_Msg}</td><td>notice</td></tr>
 *   <tr><td>upgradeSuccess</td><td>{@code Log_Upgrade_Success_Msg}</td><td>notice</td></tr>
 *   <tr><td>upgradeFailure</td><td>{@code Log_Upgrade_Failure_Msg}</td><td>err</td></tr>
 * </table>
 * The template is macro-expanded with the event's variables; an empty template or no server sends
 * nothing. HOSTNAME is {@code $IP} (else {@code $MA}), TAG is {@code $PN} (else {@code spa}). The
 * values of secret parameters ({@link Secrets}) are masked in the line should a template or
 * {@code $ERR} ever carry one.
 *
 * <p>Never blocks or throws (the sending happens on a virtual thread). Thread-safe.
 */
public final class SyslogEvents implements DeviceEvents {
    private static final Logger LOG = LoggerFactory.getLogger(SyslogEvents.class);

    private final Function<String, String> param;
    private final SyslogSender sender;

    /**
     * @param param current parameter values by XML name (never null results; empty when unset)
     * @param sender where lines go
     */
    public SyslogEvents(Function<String, String> param, SyslogSender sender) {
        this.param = param;
        this.sender = sender;
    }

    /**
     * Parameters from {@code param} (e.g. {@code name -> deviceRef.get().param(name)} when the
     * device is built after its listeners), timestamps from the system clock.
     */
    public static SyslogEvents of(Function<String, String> param) {
        return new SyslogEvents(param, new SyslogSender(Clock.systemDefaultZone()));
    }

    /** Reads parameters from {@code device}; timestamps from the system clock. */
    public SyslogEvents(DeviceControl device) {
        this(device::param, new SyslogSender(Clock.systemDefaultZone()));
    }

    @Override
    public void resyncRequest(DeviceVariables v) {
        emit("Log_Resync_Request_Msg", SyslogSender.Severity.NOTICE, v);
    }

    @Override
    public void resyncSuccess(DeviceVariables v) {
        emit("Log_Resync_Success_Msg", SyslogSender.Severity.NOTICE, v);
    }

    @Override
    public void resyncFailure(DeviceVariables v) {
        emit("Log_Resync_Failure_Msg", SyslogSender.Severity.ERR, v);
    }

    @Override
    public void upgradeRequest(DeviceVariables v) {
        emit("Log_Upgrade_Request_Msg", SyslogSender.Severity.NOTICE, v);
    }

    @Override
    public void upgradeSuccess(DeviceVariables v) {
        emit("Log_Upgrade_Success_Msg", SyslogSender.Severity.NOTICE, v);
    }

    @Override
    public void upgradeFailure(DeviceVariables v) {
        emit("Log_Upgrade_Failure_Msg", SyslogSender.Severity.ERR, v);
    }

    private void emit(String templateParam, SyslogSender.Severity severity, Variables v) {
        try {
            String server = nz(param.apply("Syslog_Server"));
            String debug = nz(param.apply("Debug_Server"));
            String template = nz(param.apply(templateParam));
            if ((server.isBlank() && debug.isBlank()) || template.isBlank()) {
                return;
            }
            String message = Secrets.mask(Macros.expand(template, v), param);
            String host = v.get("IP").filter(s -> !s.isBlank()).or(() -> v.get("MA")).orElse("-");
            String tag = v.get("PN").filter(s -> !s.isBlank()).orElse("spa");
            sender.send(severity, host, tag, message, List.of(server, debug));
        } catch (RuntimeException e) {
            // events must never throw into the device; say which message without its content
            LOG.warn("syslog {} not sent: {}", templateParam, e.getClass().getSimpleName());
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
