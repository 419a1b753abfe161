package kiji.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * The fixed upper bounds of the request latency histogram, Prometheus' usual ones from 1 ms to
 * 5 s (a cached page takes well under a millisecond, a render a few, a search tens). Fixed, so
 * the request path only compares a long a few times and increments one adder; the last bucket
 * is {@code +Inf}.
 */
final class LatencyBuckets {
    /** Upper bounds in seconds, {@code +Inf} last. */
    static final double[] SECONDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
            Double.POSITIVE_INFINITY};
    private static final long[] NANOS = new long[SECONDS.length - 1];

    static {
        for (int i = 0; i < NANOS.length; i++) NANOS[i] = Math.round(SECONDS[i] * 1e9);
    }

    private LatencyBuckets() {}

    /** The bucket a time falls in: the first whose bound it does not exceed (Prometheus' {@code le}). */
    static int indexOf(long nanos) {
        for (int i = 0; i < NANOS.length; i++) if (nanos <= NANOS[i]) return i;
        return NANOS.length;
    }

    /** One adder per bucket, not cumulative. */
    static LongAdder[] adders() {
        var adders = new LongAdder[SECONDS.length];
        for (int i = 0; i < adders.length; i++) adders[i] = new LongAdder();
        return adders;
    }
}
