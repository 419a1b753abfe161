package kiji.article;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Instants are stored as UTC and shown in Japan's time, the way the site writes them. */
public final class TokyoTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZONE);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZONE);

    private TokyoTime() {}

    /** {@code 2024-10-21 10:58}, as on the article pages of the site Kiji replaces. */
    public static String stamp(Instant instant) {
        return STAMP.format(instant);
    }

    /** {@code 2024-10-21T10:58:00+09:00}, for datetime attributes and feeds. */
    public static String iso(Instant instant) {
        return ISO.format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}
