package org.spaprov.cli.e2e;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.LoggerFactory;

/**
 * Every logback event of every logger, at TRACE, while open: each logger's level is set to TRACE and
 * one in-memory appender is attached to the root and to every logger that does not pass events up;
 * the root's own appenders are detached meanwhile (so the test's output is not flooded). Each event is
 * rendered at once (logger, level, thread, message with its arguments, key-value pairs, MDC, the whole
 * exception chain). {@link #close} puts every level and appender back. Thread-safe.
 */
final class LogCapture implements AutoCloseable {
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Map<Logger, Level> levels = new HashMap<>();
    private final List<Appender<ILoggingEvent>> rootAppenders = new ArrayList<>();
    private final List<Logger> attached = new ArrayList<>();
    private final Queue<String> lines = new ConcurrentLinkedQueue<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent e) {
            lines.add(render(e));
        }
    };

    private LogCapture() {
        appender.setContext(context);
        appender.setName("secret-leak-capture");
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            rootAppenders.add(it.next());
        }
        rootAppenders.forEach(a -> root.detachAppender(a));
        for (Logger l : context.getLoggerList()) {
            levels.put(l, l.getLevel());
            l.setLevel(Level.TRACE);
            if (l == root || !l.isAdditive()) {
                l.addAppender(appender);
                attached.add(l);
            }
        }
    }

    /** Starts capturing. */
    static LogCapture start() {
        return new LogCapture();
    }

    /** The events so far, one rendered string each (an exception's trace makes it several lines). */
    List<String> lines() {
        return List.copyOf(lines);
    }

    private static String render(ILoggingEvent e) {
        StringBuilder b = new StringBuilder().append(e.getLevel()).append(' ').append(e.getLoggerName())
                .append(" [").append(e.getThreadName()).append("] ").append(e.getFormattedMessage());
        if (e.getKeyValuePairs() != null) {
            e.getKeyValuePairs().forEach(kv -> b.append(' ').append(kv.key).append('=').append(kv.value));
        }
        if (!e.getMDCPropertyMap().isEmpty()) {
            b.append(" mdc=").append(e.getMDCPropertyMap());
        }
        IThrowableProxy t = e.getThrowableProxy();
        if (t != null) {
            b.append('\n').append(ThrowableProxyUtil.asString(t));
        }
        return b.toString();
    }

    @Override
    public void close() {
        attached.forEach(l -> l.detachAppender(appender));
        levels.forEach(Logger::setLevel);
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootAppenders.forEach(root::addAppender);
        appender.stop();
    }
}
