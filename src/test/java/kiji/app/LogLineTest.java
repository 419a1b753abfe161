package kiji.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LogLineTest {
    private final LoggerContext context = new LoggerContext();
    private final LogLine line = new LogLine(ZoneId.of("Asia/Tokyo"));

    private LoggingEvent event(Level level, String logger, String message, Throwable thrown, Object... args) {
        var event = new LoggingEvent("x", context.getLogger(logger), level, message, thrown, args);
        event.setTimeStamp(java.time.Instant.parse("2024-10-21T01:58:03.007Z").toEpochMilli());
        return event;
    }

    @Test
    void an_event_prints_as_the_pattern_did_time_level_abbreviated_logger_and_message() {
        assertThat(line.format(event(Level.INFO, "kiji.search.ChangeFeed", "caught up from change {} to {}", null, 3, 5)))
                .isEqualTo("10:58:03.007 INFO  k.search.ChangeFeed - caught up from change 3 to 5" + System.lineSeparator());
        assertThat(line.format(event(Level.ERROR, "kiji.app.WebServer", "boom", null)))
                .startsWith("10:58:03.007 ERROR kiji.app.WebServer - boom");
    }

    @Test
    void a_thrown_exception_follows_its_line_with_the_stack_trace() {
        var text = line.format(event(Level.WARN, "kiji.x", "failed", new IllegalStateException("no disk")));
        assertThat(text).startsWith("10:58:03.007 WARN  kiji.x - failed" + System.lineSeparator())
                .contains("java.lang.IllegalStateException: no disk").contains("at kiji.app.LogLineTest");
    }
}
