package kiji.ranking;

import java.time.Instant;

/** Consecutive hour buckets {@code [fromHour, toHour)}, as epoch hours. */
public record HourRange(long fromHour, long toHour) {
    public HourRange {
        if (toHour < fromHour) throw new IllegalArgumentException("toHour before fromHour");
    }

    public Instant from() {
        return new HourBucket(fromHour).start();
    }

    /** The end of the last bucket (exclusive). */
    public Instant to() {
        return new HourBucket(toHour).start();
    }

    public int hours() {
        return (int) (toHour - fromHour);
    }
}
