package kiji.app;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * One log event as one line, {@code 12:34:56.789 INFO  k.search.ChangeFeed - message}, then the
 * stack trace if there is one: what the pattern {@code %d{HH:mm:ss.SSS} %-5level %logger{20} -
 * %msg%n} printed, written by hand. Why: logback's PatternLayout registers its ~50 converters
 * and parses the pattern when logging starts, a visible part of the CPU before the first page
 * (docs/benchmarks.md).
 */
final class LogLine extends EncoderBase<ILoggingEvent> {
    private final TargetLengthBasedClassNameAbbreviator abbreviator = new TargetLengthBasedClassNameAbbreviator(20);
    private final ZoneId zone;

    LogLine(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return format(event).getBytes(StandardCharsets.UTF_8);
    }

    String format(ILoggingEvent event) {
        var time = LocalTime.ofInstant(Instant.ofEpochMilli(event.getTimeStamp()), zone);
        var line = new StringBuilder(128);
        pad(line, time.getHour(), 2).append(':');
        pad(line, time.getMinute(), 2).append(':');
        pad(line, time.getSecond(), 2).append('.');
        pad(line, time.getNano() / 1_000_000, 3).append(' ');
        var level = event.getLevel().toString();
        line.append(level).append(" ".repeat(Math.max(0, 5 - level.length()))).append(' ');
        line.append(abbreviator.abbreviate(event.getLoggerName())).append(" - ").append(event.getFormattedMessage())
                .append(System.lineSeparator());
        if (event.getThrowableProxy() != null) line.append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
        return line.toString();
    }

    private static StringBuilder pad(StringBuilder line, int value, int width) {
        var digits = Integer.toString(value);
        return line.append("0".repeat(width - digits.length())).append(digits);
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }
}
