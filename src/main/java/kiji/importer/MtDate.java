package kiji.importer;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * Movable Type's {@code DATE: MM/DD/YYYY hh:mm:ss}, with or without {@code AM}/{@code PM} and an
 * optional offset ({@code +0900}); without one it is in the importer's zone (Japan by default).
 */
final class MtDate {
    private static final Pattern DATE = Pattern.compile(
            "(\\d{1,2})/(\\d{1,2})/(\\d{4}) (\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?: ?([AaPp][Mm]))?(?: ?([+-]\\d{2}:?\\d{2}|Z))?");

    private MtDate() {}

    static Instant parse(String text, ZoneId zone, long line) {
        var m = DATE.matcher(text.strip());
        if (!m.matches()) throw unknown(text, line);
        int hour = Integer.parseInt(m.group(4));
        var ampm = m.group(7);
        if (ampm != null) {
            if (hour < 1 || hour > 12) throw unknown(text, line);
            boolean pm = ampm.equalsIgnoreCase("PM");
            hour = hour % 12 + (pm ? 12 : 0);
        }
        try {
            var local = LocalDateTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)), hour, Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            var offset = m.group(8);
            return offset == null ? local.atZone(zone).toInstant() : local.atOffset(ZoneOffset.of(
                    offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3) : offset)).toInstant();
        } catch (java.time.DateTimeException e) {
            throw unknown(text, line);
        }
    }

    private static ImportException unknown(String text, long line) {
        return new ImportException(line, 0, "unknown DATE '" + text + "' (expected MM/DD/YYYY hh:mm:ss, optionally AM/PM)");
    }
}
