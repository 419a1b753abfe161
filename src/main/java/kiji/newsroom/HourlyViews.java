package kiji.newsroom;

import java.time.Instant;

/** Consecutive clock hours of one article's counted views: {@code views[i]} in the hour starting {@code from + i h}. */
record HourlyViews(Instant from, long[] views) {
    long total() {
        long sum = 0;
        for (long v : views) sum += v;
        return sum;
    }

    Instant hourStart(int i) {
        return from.plusSeconds(3600L * i);
    }
}
