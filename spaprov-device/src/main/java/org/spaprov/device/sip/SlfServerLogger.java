package org.spaprov.device.sip;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes JAIN-SIP's message log ({@code gov.nist.javax.sip.SERVER_LOGGER}) to SLF4J logger
 * {@code org.spaprov.device.sip.messages} at TRACE. Digest {@code response=} values are masked
 * (they are derived from the line password). Instantiated reflectively by the stack; thread-safe.
 */
public final class SlfServerLogger implements ServerLogger {
    private static final Logger LOG = LoggerFactory.getLogger("org.spaprov.device.sip.messages");
    private static final Pattern RESPONSE = Pattern.compile("(?i)(response\\s*=\\s*)(\"[^\"]*\"|[^,\\s]+)");

    public SlfServerLogger() {
        // instantiated reflectively by SipStackImpl
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
        LOG.debug("JAIN-SIP message exception", ex);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // nothing to configure: SLF4J decides
    }

    @Override
    public void setSipStack(SipStack sipStack) {
        // not needed
    }

    private static void log(SIPMessage message, String from, String to, boolean sender) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} {} -> {}\n{}", sender ? "sent" : "received", from, to, mask(message.encode()));
        }
    }

    /** The message text with digest responses replaced by {@code ***}. */
    static String mask(String text) {
        if (text == null) {
            return "null";
        }
        return RESPONSE.matcher(text).replaceAll("$1\"***\"");
    }
}
