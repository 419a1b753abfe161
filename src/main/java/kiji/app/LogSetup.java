package kiji.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import java.util.List;
import org.slf4j.Logger;

/**
 * Kiji's logging, set up in code (found by logback through META-INF/services): one line per
 * event on stderr ({@link #PATTERN}), libraries at WARN. Why not logback.xml: reading it costs an XML parser and
 * logback's Joran model, about 500 classes and a noticeable share of startup (see
 * docs/benchmarks.md). An operator's own file still wins: {@code -Dlogback.configurationFile=…},
 * and tests keep their logback-test.xml. {@code KIJI_LOG_STARTUP=1} logs how long each start step took.
 */
// No @ConfiguratorRank: Kiji's jar declares no other Configurator, so the rank orders nothing, and
// logback reading it makes the JVM parse the annotation and spin a proxy class for it (~15 ms of
// the main thread at start-up, docs/benchmarks.md).
public final class LogSetup extends ContextAwareBase implements Configurator {
    /** {@code 12:34:56.789 INFO  k.search.ChangeFeed - message}, then the stack trace if there is one. */
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";
    static final List<String> QUIET = List.of("org.eclipse.jetty", "org.flywaydb", "com.zaxxer.hikari", "io.javalin");

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        var encoder = new PatternLayoutEncoder();
        encoder.setPattern(PATTERN);
        encoder.setContext(context);
        encoder.start();
        var appender = new ConsoleAppender<ILoggingEvent>();
        appender.setContext(context);
        appender.setName("STDERR");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        var root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);
        QUIET.forEach(name -> context.getLogger(name).setLevel(Level.WARN));
        // the per-step start times (StartupSteps), for whoever measures startup
        if (System.getenv("KIJI_LOG_STARTUP") != null) context.getLogger("kiji.startup").setLevel(Level.DEBUG);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
