package org.spaprov.sip;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes JAIN-SIP's stack log ({@code gov.nist.javax.sip.STACK_LOGGER}) to an SLF4J logger, so the RI
 * never reaches for log4j. The stack instantiates the class named in its properties through a public
 * no-argument constructor, so each user (device, server) names its logger in a small subclass; stateless
 * and thread-safe.
 *
 * <p>JAIN-SIP levels map as: fatal/error → error, warn → warn, info → info, debug → debug,
 * trace → trace. The stack dumps whole SIP messages at debug, so digest {@code response=} values
 * are masked here too ({@link SlfServerLogger#mask}).
 */
public abstract class SlfStackLogger implements StackLogger {
    private final Logger log;

    protected SlfStackLogger(String loggerName) {
        this.log = LoggerFactory.getLogger(loggerName);
    }

    @Override
    public void logStackTrace() {
        logStackTrace(TRACE_DEBUG);
    }

    @Override
    public void logStackTrace(int traceLevel) {
        // JAIN-SIP asks for a trace at every transaction step: only worth it at TRACE
        if (log.isTraceEnabled()) {
            log.trace("stack trace", new Throwable("stack trace"));
        }
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        log.warn("JAIN-SIP exception", ex);
    }

    @Override
    public void logDebug(String message) {
        log.debug(SlfServerLogger.mask(message));
    }

    @Override
    public void logDebug(String message, Exception ex) {
        log.debug(SlfServerLogger.mask(message), ex);
    }

    @Override
    public void logTrace(String message) {
        log.trace(SlfServerLogger.mask(message));
    }

    @Override
    public void logFatalError(String message) {
        log.error(SlfServerLogger.mask(message));
    }

    @Override
    public void logError(String message) {
        log.error(SlfServerLogger.mask(message));
    }

    @Override
    public boolean isLoggingEnabled() {
        return log.isInfoEnabled();
    }

    @Override
    public boolean isLoggingEnabled(int logLevel) {
        if (logLevel <= TRACE_NONE) {
            return false;
        } else if (logLevel <= TRACE_ERROR) {
            return log.isErrorEnabled();
        } else if (logLevel <= TRACE_WARN) {
            return log.isWarnEnabled();
        } else if (logLevel <= TRACE_INFO) {
            return log.isInfoEnabled();
        } else if (logLevel <= TRACE_DEBUG) {
            return log.isDebugEnabled();
        }
        return log.isTraceEnabled();
    }

    @Override
    public void logError(String message, Exception ex) {
        log.error(SlfServerLogger.mask(message), ex);
    }

    @Override
    public void logWarning(String message) {
        log.warn(SlfServerLogger.mask(message));
    }

    @Override
    public void logInfo(String message) {
        log.info(SlfServerLogger.mask(message));
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
        log.debug("JAIN-SIP build {}", buildTimeStamp);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // nothing to configure: SLF4J decides
    }

    @Override
    public String getLoggerName() {
        return log.getName();
    }
}
