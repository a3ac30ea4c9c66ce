package org.spaprov.server.push;

import gov.nist.core.ServerLogger;
import gov.nist.core.StackLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP's two logger hooks on SLF4J, so the RI never reaches for log4j. The device module has the
 * same pair; the module rules keep the server from depending on the device, hence this small copy.
 * Digest {@code response=} values are masked in every line.
 */
final class SipLogging {
    private static final Logger STACK = LoggerFactory.getLogger("org.spaprov.server.push.jain");
    private static final Logger MESSAGES = LoggerFactory.getLogger("org.spaprov.server.push.messages");
    private static final Pattern RESPONSE = Pattern.compile("(?i)(response\\s*=\\s*)(\"[^\"]*\"|[^,\\s]+)");

    private SipLogging() {
    }

    static boolean traceMessages() {
        return MESSAGES.isTraceEnabled();
    }

    static String mask(String text) {
        return text == null ? "null" : RESPONSE.matcher(text).replaceAll("$1\"***\"");
    }

    /** {@code gov.nist.javax.sip.STACK_LOGGER}: instantiated reflectively by the stack. */
    public static final class Stack implements StackLogger {
        public Stack() {
            // instantiated reflectively by SipStackImpl
        }

        @Override
        public void logStackTrace() {
            // JAIN-SIP asks for a trace at every transaction step: never worth it here
        }

        @Override
        public void logStackTrace(int traceLevel) {
            // as above
        }

        @Override
        public int getLineCount() {
            return 0;
        }

        @Override
        public void logException(Throwable ex) {
            STACK.warn("JAIN-SIP exception: {}", ex.toString());
        }

        @Override
        public void logDebug(String message) {
            STACK.debug(mask(message));
        }

        @Override
        public void logDebug(String message, Exception ex) {
            STACK.debug(mask(message), ex);
        }

        @Override
        public void logTrace(String message) {
            STACK.trace(mask(message));
        }

        @Override
        public void logFatalError(String message) {
            STACK.error(mask(message));
        }

        @Override
        public void logError(String message) {
            STACK.error(mask(message));
        }

        @Override
        public boolean isLoggingEnabled() {
            return STACK.isDebugEnabled();
        }

        @Override
        public boolean isLoggingEnabled(int logLevel) {
            if (logLevel <= TRACE_NONE) {
                return false;
            } else if (logLevel <= TRACE_ERROR) {
                return STACK.isErrorEnabled();
            } else if (logLevel <= TRACE_DEBUG) {
                return STACK.isDebugEnabled();
            }
            return STACK.isTraceEnabled();
        }

        @Override
        public void logError(String message, Exception ex) {
            STACK.error(mask(message), ex);
        }

        @Override
        public void logWarning(String message) {
            // the RI warns about its unused TLS defaults at every start: chatter, not a problem of ours
            STACK.debug(mask(message));
        }

        @Override
        public void logInfo(String message) {
            STACK.debug(mask(message));
        }

        @Override
        public void disableLogging() {
            // levels belong to the SLF4J backend
        }

        @Override
        public void enableLogging() {
            // levels belong to the SLF4J backend
        }

        @Override
        public void setBuildTimeStamp(String buildTimeStamp) {
            // not logged
        }

        @Override
        public void setStackProperties(Properties stackProperties) {
            // SLF4J decides
        }

        @Override
        public String getLoggerName() {
            return STACK.getName();
        }
    }

    /** {@code gov.nist.javax.sip.SERVER_LOGGER}: the message trace, at TRACE only. */
    public static final class Messages implements ServerLogger {
        public Messages() {
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
            MESSAGES.debug("JAIN-SIP message exception", ex);
        }

        @Override
        public void setStackProperties(Properties stackProperties) {
            // SLF4J decides
        }

        @Override
        public void setSipStack(SipStack sipStack) {
            // not needed
        }

        private static void log(SIPMessage message, String from, String to, boolean sender) {
            if (MESSAGES.isTraceEnabled()) {
                MESSAGES.trace("{} {} -> {}\n{}", sender ? "sent" : "received", from, to, mask(message.encode()));
            }
        }
    }
}
