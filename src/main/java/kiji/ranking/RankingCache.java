package kiji.ranking;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Computed rankings for a few seconds: every page's sidebar and every API call would otherwise
 * recompute. With the mirror synced every 3 s and flushes every second, a view shows within
 * 1 + 3 + {@link #TTL_MILLIS} seconds, inside the 30-second promise together with HTTP caching.
 */
final class RankingCache {
    static final long TTL_MILLIS = 3000;
    private static final int MAX_ENTRIES = 512;
    private final Ranking ranking;
    private final LongSupplier nanoTime;
    private final Map<RankingQuery, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(RankingResult result, long computedNanos) {}

    RankingCache(Ranking ranking, LongSupplier nanoTime) {
        this.ranking = ranking;
        this.nanoTime = nanoTime;
    }

    RankingResult get(RankingQuery q) {
        long now = nanoTime.getAsLong();
        var e = entries.get(q);
        if (e != null && now - e.computedNanos < TTL_MILLIS * 1_000_000) return e.result;
        if (entries.size() >= MAX_ENTRIES) entries.clear();
        var fresh = new Entry(ranking.compute(q), now);
        entries.put(q, fresh);
        return fresh.result;
    }

    /** The cached result if it is still fresh; empty when {@link #get} would compute it. */
    Optional<RankingResult> fresh(RankingQuery q) {
        var e = entries.get(q);
        return e != null && nanoTime.getAsLong() - e.computedNanos < TTL_MILLIS * 1_000_000
                ? Optional.of(e.result) : Optional.empty();
    }

    void clear() {
        entries.clear();
    }
}
