package kiji.importer;

import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Local times to epoch hours. Rows come in time order, so the local hour's start is computed
 * once per hour seen, not once per row (ten million rows a minute).
 */
final class LocalHours {
    private final ZoneId zone;
    private String lastPrefix = "";
    private long lastStart;

    LocalHours(ZoneId zone) {
        this.zone = zone;
    }

    /** The bucket of {@code yyyy-MM-dd hh:mm[:ss]}, or -1 when it is not one. */
    long epochHour(String text) {
        if (text.length() < 16 || text.charAt(4) != '-' || text.charAt(7) != '-'
                || (text.charAt(10) != ' ' && text.charAt(10) != 'T') || text.charAt(13) != ':') {
            return -1;
        }
        int minute = digits(text, 14, 2);
        int second = text.length() >= 19 && text.charAt(16) == ':' ? digits(text, 17, 2) : 0;
        if (minute < 0 || minute > 59 || second < 0 || second > 59) return -1;
        if (text.length() != 16 && text.length() != 19) return -1;
        var prefix = text.substring(0, 13);
        if (!prefix.equals(lastPrefix)) {
            int y = digits(text, 0, 4);
            int mo = digits(text, 5, 2);
            int d = digits(text, 8, 2);
            int h = digits(text, 11, 2);
            if (y < 0 || mo < 0 || d < 0 || h < 0) return -1;
            try {
                lastStart = LocalDateTime.of(y, mo, d, h, 0).atZone(zone).toEpochSecond();
            } catch (java.time.DateTimeException e) {
                return -1;
            }
            lastPrefix = prefix;
        }
        return Math.floorDiv(lastStart + minute * 60L + second, 3600L);
    }

    private static int digits(String s, int from, int count) {
        int n = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
