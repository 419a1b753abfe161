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
    // Sums of the closed hours (all but the two live ones), per range: they change only when a
    // full reload replaces the columns, which moves the version. A recomputation then adds two
    // columns to a copy instead of summing up to 720.
    private final Map<HourRange, Base> closedSums = new ConcurrentHashMap<>();
    private volatile long version;

    private record Base(long version, long[] views) {}
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
        if (full) version++;
        load(from);
        if (full) version++;
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
        long liveFrom = HourBucket.hourOf(clock.millis()) - 1;
        long closedTo = Math.max(range.fromHour(), Math.min(range.toHour(), liveFrom));
        long[] base = closedSum(new HourRange(range.fromHour(), closedTo));
        var live = columnsOf(closedTo, range.toHour());
        // read after the columns: every index they use is below this size
        int size = index.size();
        long[] ids = index.ids();
        long[] views = java.util.Arrays.copyOf(base, size);
        add(views, live);
        return Optional.of(new WindowTotals(ids, views, size));
    }

    private long[] closedSum(HourRange closed) {
        long v = version;
        var cached = closedSums.get(closed);
        if (cached != null && cached.version == v && (v & 1) == 0) return cached.views;
        var chosen = columnsOf(closed.fromHour(), closed.toHour());
        long[] views = new long[index.size()];
        add(views, chosen);
        if (version == v && (v & 1) == 0) {
            if (closedSums.size() > 16) closedSums.clear();
            closedSums.put(closed, new Base(v, views));
        }
        return views;
    }

    private java.util.List<HourColumn> columnsOf(long fromHour, long toHour) {
        var chosen = new java.util.ArrayList<HourColumn>((int) Math.max(0, toHour - fromHour));
        for (long h = fromHour; h < toHour; h++) {
            var c = columns.get(h);
            if (c != null) chosen.add(c);
        }
        return chosen;
    }

    private static void add(long[] views, java.util.List<HourColumn> chosen) {
        for (var c : chosen) {
            int[] a = c.articles();
            int[] v = c.views();
            for (int j = 0; j < a.length; j++) views[a[j]] += v[j];
        }
    }

    int cells() {
        return columns.values().stream().mapToInt(c -> c.articles().length).sum();
    }
}
