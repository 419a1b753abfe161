package kiji.ranking;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's in-memory copy of the shared hour buckets of the last 31 days, so a ranking is a
 * sum over arrays instead of a GROUP BY over millions of rows. {@link #sync()} re-reads the
 * live hours (the current and the previous one, where every node's flushes land) and reloads
 * everything when an import changed old buckets (the generation moved) or every ten minutes.
 */
final class BucketMirror {
    static final int RETAINED_HOURS = 31 * 24;
    private static final long FULL_RELOAD_MILLIS = 10 * 60 * 1000L;

    private final HourBucketStore store;
    private final Clock clock;
    private final ArticleIndex index = new ArticleIndex();
    private final Map<Long, HourColumn> columns = new ConcurrentHashMap<>();
    private volatile long firstHour = Long.MAX_VALUE;
    private long generation = Long.MIN_VALUE;
    private long lastFullLoad;

    BucketMirror(HourBucketStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    synchronized void sync() {
        long now = HourBucket.hourOf(clock.millis());
        long gen = store.generation();
        boolean full = gen != generation || clock.millis() - lastFullLoad > FULL_RELOAD_MILLIS
                || firstHour == Long.MAX_VALUE;
        long from = full ? now - RETAINED_HOURS + 1 : now - 1;
        load(from);
        if (full) {
            columns.keySet().removeIf(h -> h < from);
            generation = gen;
            lastFullLoad = clock.millis();
        }
        long oldest = now - RETAINED_HOURS + 1;
        columns.keySet().removeIf(h -> h < oldest);
        firstHour = oldest;
    }

    private void load(long fromHour) {
        load(fromHour, row -> store.forEachSince(fromHour, row));
    }

    /** Replaces the hours from {@code fromHour} on with the rows {@code source} gives (benchmarks feed it directly). */
    synchronized void load(long fromHour, java.util.function.Consumer<HourBucketStore.Row> source) {
        Map<Long, HourColumn.Builder> built = new HashMap<>();
        source.accept((article, hour, views) ->
                built.computeIfAbsent(hour, HourColumn.Builder::new).add(index.indexOf(article), views));
        for (long h = fromHour; h <= HourBucket.hourOf(clock.millis()); h++) {
            if (!built.containsKey(h)) columns.remove(h);
        }
        built.values().forEach(b -> columns.put(b.hour(), b.build()));
        firstHour = Math.min(firstHour, fromHour);
    }

    /** The window's totals, or empty when this copy does not hold the whole range. */
    Optional<WindowTotals> totals(HourRange range) {
        if (range.fromHour() < firstHour) return Optional.empty();
        var chosen = new java.util.ArrayList<HourColumn>(range.hours());
        for (long h = range.fromHour(); h < range.toHour(); h++) {
            var c = columns.get(h);
            if (c != null) chosen.add(c);
        }
        // read after the columns: every index they use is below this size
        int size = index.size();
        long[] ids = index.ids();
        long[] views = new long[size];
        for (var c : chosen) {
            int[] a = c.articles();
            int[] v = c.views();
            for (int j = 0; j < a.length; j++) views[a[j]] += v[j];
        }
        return Optional.of(new WindowTotals(ids, views, size));
    }

    int cells() {
        return columns.values().stream().mapToInt(c -> c.articles().length).sum();
    }
}
