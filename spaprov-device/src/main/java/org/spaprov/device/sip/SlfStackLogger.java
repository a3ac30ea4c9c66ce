package org.spaprov.device.sip;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes JAIN-SIP's stack log ({@code gov.nist.javax.sip.STACK_LOGGER}) to SLF4J logger
 * {@code org.spaprov.device.sip.jain}, so the RI never reaches for log4j. Instantiated by the stack
 * through its public no-argument constructor; stateless and thread-safe.
 *
 * <p>JAIN-SIP levels map as: fatal/error → error, warn → warn, info → info, debug → debug,
 * trace → trace. The stack dumps whole SIP messages at debug, so digest {@code response=} values
 * are masked here too ({@link SlfServerLogger#mask}).
 */
public final class SlfStackLogger implements StackLogger {
    private static final Logger LOG = LoggerFactory.getLogger("org.spaprov.device.sip.jain");

    public SlfStackLogger() {
        // instantiated reflectively by SipStackImpl
    }

    @Override
    public void logStackTrace() {
        logStackTrace(TRACE_DEBUG);
    }

    @Override
    public void logStackTrace(int traceLevel) {
        // JAIN-SIP asks for a trace at every transaction step: only worth it at TRACE
        if (LOG.isTraceEnabled()) {
            LOG.trace("stack trace", new Throwable("stack trace"));
        }
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        LOG.warn("JAIN-SIP exception", ex);
    }

    @Override
    public void logDebug(String message) {
        LOG.debug(SlfServerLogger.mask(message));
    }

    @Override
    public void logDebug(String message, Exception ex) {
        LOG.debug(SlfServerLogger.mask(message), ex);
    }

    @Override
    public void logTrace(String message) {
        LOG.trace(SlfServerLogger.mask(message));
    }

    @Override
    public void logFatalError(String message) {
        LOG.error(SlfServerLogger.mask(message));
    }

    @Override
    public void logError(String message) {
        LOG.error(SlfServerLogger.mask(message));
    }

    @Override
    public boolean isLoggingEnabled() {
        return LOG.isInfoEnabled();
    }

    @Override
    public boolean isLoggingEnabled(int logLevel) {
        if (logLevel <= TRACE_NONE) {
            return false;
        } else if (logLevel <= TRACE_ERROR) {
            return LOG.isErrorEnabled();
        } else if (logLevel <= TRACE_WARN) {
            return LOG.isWarnEnabled();
        } else if (logLevel <= TRACE_INFO) {
            return LOG.isInfoEnabled();
        } else if (logLevel <= TRACE_DEBUG) {
            return LOG.isDebugEnabled();
        }
        return LOG.isTraceEnabled();
    }

    @Override
    public void logError(String message, Exception ex) {
        LOG.error(SlfServerLogger.mask(message), ex);
    }

    @Override
    public void logWarning(String message) {
        LOG.warn(SlfServerLogger.mask(message));
    }

    @Override
    public void logInfo(String message) {
        LOG.info(SlfServerLogger.mask(message));
    }

    @Override
    public void disableLogging() {
        // levels belong to the SLF4J backend configuration
    }

    @Override
    public void enableLogging() {
        // levels belong to the SLF4J backend configuration
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
        LOG.debug("JAIN-SIP build {}", buildTimeStamp);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // nothing to configure: SLF4J decides
    }

    @Override
    public String getLoggerName() {
        return LOG.getName();
    }
}
