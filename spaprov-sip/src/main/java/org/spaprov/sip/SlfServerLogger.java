package org.spaprov.sip;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes JAIN-SIP's message log ({@code gov.nist.javax.sip.SERVER_LOGGER}) to an SLF4J logger at TRACE.
 * Digest {@code response=} values are masked (they are derived from the line password). The stack
 * instantiates the class named in its properties through a public no-argument constructor, so each
 * user (device, server) names its logger in a small subclass. Thread-safe.
 */
public abstract class SlfServerLogger implements ServerLogger {
    private static final Pattern RESPONSE = Pattern.compile("(?i)(response\\s*=\\s*)(\"[^\"]*\"|[^,\\s]+)");

    private final Logger log;

    protected SlfServerLogger(String loggerName) {
        this.log = LoggerFactory.getLogger(loggerName);
    }

    @Override
    public void closeLogFile() {
        // SLF4J owns the appenders
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        log(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        log(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        log(message, from, to, sender);
    }

    @Override
    public void logException(Exception ex) {
        log.debug("JAIN-SIP message exception", ex);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // nothing to configure: SLF4J decides
    }

    @Override
    public void setSipStack(SipStack sipStack) {
        // not needed
    }

    private void log(SIPMessage message, String from, String to, boolean sender) {
        if (log.isTraceEnabled()) {
            log.trace("{} {} -> {}\n{}", sender ? "sent" : "received", from, to, mask(message.encode()));
        }
    }

    /** The message text with digest responses replaced by {@code ***}. */
    public static String mask(String text) {
        if (text == null) {
            return "null";
        }
        return RESPONSE.matcher(text).replaceAll("$1\"***\"");
    }
}
