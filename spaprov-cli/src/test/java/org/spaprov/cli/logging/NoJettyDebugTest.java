package org.spaprov.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Jetty's header dumps (the admin token in them) never pass, at any configured level; the CLI installs the filter. */
class NoJettyDebugTest {
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final NoJettyDebug filter = new NoJettyDebug();

    @Test
    void jettyBelowInfoIsDroppedAndEverythingElsePasses() {
        var parser = context.getLogger("org.eclipse.jetty.http.HttpParser");
        assertThat(filter.decide(null, parser, Level.DEBUG, "parsedHeader({})", null, null)).isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, parser, Level.TRACE, "x", null, null)).isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, parser, Level.WARN, "x", null, null)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, context.getLogger("org.spaprov.server"), Level.DEBUG, "x", null, null))
                .isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void theCommandsLoggingConfigurationInstallsIt() {
        assertThat(context.getTurboFilterList()).hasAtLeastOneElementOfType(NoJettyDebug.class);
    }
}
