package org.spaprov.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops Jetty's DEBUG and TRACE events whatever level an operator sets: Jetty (under the admin API)
 * logs every request header there, the admin token's {@code Authorization: Bearer} included, and
 * request bytes. INFO and above pass as configured. Installed by the CLI's logback.xml.
 */
public final class NoJettyDebug extends TurboFilter {
    private static final String JETTY = "org.eclipse.jetty";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        return level != null && !level.isGreaterOrEqual(Level.INFO) && logger.getName().startsWith(JETTY)
                ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
