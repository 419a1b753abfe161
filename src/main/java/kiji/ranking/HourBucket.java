package kiji.ranking;

import java.time.Instant;

/**
 * One clock hour of views, named by its epoch hour (hours since 1970-01-01T00:00Z). A view at
 * 13:00:00 is in the bucket 13:00–14:00; one at 12:59:59.999 is in the one before.
 */
public record HourBucket(long epochHour) {
    public static HourBucket of(Instant instant) {
        return new HourBucket(Math.floorDiv(instant.getEpochSecond(), 3600));
    }

    public static long hourOf(long epochMillis) {
        return Math.floorDiv(epochMillis, 3_600_000L);
    }

    public Instant start() {
        return Instant.ofEpochSecond(epochHour * 3600);
    }

    /** The first instant after this bucket. */
    public Instant end() {
        return Instant.ofEpochSecond((epochHour + 1) * 3600);
    }
}
