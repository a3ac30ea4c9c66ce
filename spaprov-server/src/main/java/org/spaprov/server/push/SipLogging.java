package org.spaprov.server.push;

import org.slf4j.LoggerFactory;

/**
 * The NOTIFY sender's JAIN-SIP log hooks, on SLF4J loggers of its own ({@code org.spaprov.server.push.jain} for
 * the stack, {@code org.spaprov.server.push.messages} for SIP messages at TRACE), digest responses masked
 * (spaprov-sip's hooks; the stack instantiates the classes named here).
 */
final class SipLogging {
    private static final String MESSAGES = "org.spaprov.server.push.messages";

    private SipLogging() {
    }

    /** Whether SIP messages are logged: then the stack must trace them. */
    static boolean traceMessages() {
        return LoggerFactory.getLogger(MESSAGES).isTraceEnabled();
    }

    /** {@code gov.nist.javax.sip.STACK_LOGGER}. */
    public static final class Stack extends org.spaprov.sip.SlfStackLogger {
        public Stack() {
            super("org.spaprov.server.push.jain");
        }
    }

    /** {@code gov.nist.javax.sip.SERVER_LOGGER}. */
    public static final class Messages extends org.spaprov.sip.SlfServerLogger {
        public Messages() {
            super(MESSAGES);
        }
    }
}
