package kiji.ranking;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import kiji.storage.Dialect;

/** The shared hourly buckets ({@code view_hour}), on SQLite or PostgreSQL with the same SQL. */
public final class HourBucketStore {
    private static final String UPSERT = """
            INSERT INTO view_hour (article_id, hour, views) VALUES (:article, :hour, :views)
            ON CONFLICT (article_id, hour) DO UPDATE SET views = view_hour.views + excluded.views""";

    /** SQLite's page cache while history is summed in: 10 million buckets' indexes fit in it. */
    private static final int BULK_CACHE_MB = 256;

    private final Jdbi jdbi;

    public HourBucketStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    interface Row {
        void accept(long articleId, long hour, long views);
    }

    /** Adds the deltas in one transaction: all or nothing. */
    void add(Collection<PendingViews.Delta> deltas) {
        if (deltas.isEmpty()) return;
        jdbi.useTransaction(h -> add(h, deltas));
    }

    static void add(Handle h, Collection<PendingViews.Delta> deltas) {
        var batch = h.prepareBatch(UPSERT);
        for (var d : deltas) {
            batch.bind("article", d.articleId()).bind("hour", d.hour()).bind("views", d.views()).add();
        }
        batch.execute();
    }

    /** Views of one article in one clock hour ({@link HourBucket#epochHour()}). */
    public record HourViews(long articleId, long epochHour, long views) {
        public HourViews {
            if (views < 1) throw new IllegalArgumentException("views must be positive, not " + views);
        }
    }

    /**
     * Adds past views (the demo's reading history) in one transaction, all or nothing, and
     * bumps the generation so every node re-reads old buckets.
     */
    public void addHistory(Collection<HourViews> rows) {
        if (rows.isEmpty()) return;
        var deltas = rows.stream().map(r -> new PendingViews.Delta(r.articleId(), r.epochHour(), r.views())).toList();
        jdbi.useTransaction(h -> {
            add(h, deltas);
            bumpGeneration(h);
        });
    }

    /** Receives past views one (article, hour) at a time; the same pair may come many times. */
    @FunctionalInterface
    public interface HistorySink {
        void add(long articleId, long epochHour, long views);
    }

    /**
     * Adds past views streamed by {@code source} (an import of any size) in one transaction, all
     * or nothing, then bumps the generation so every node re-reads old buckets. {@code source}
     * may throw to roll everything back.
     *
     * <p>The views are staged as they come in a table without an index, then summed into
     * {@code view_hour} by ONE grouped {@code INSERT ... SELECT} in key order: ten million
     * upserts one by one, in the file's order, cost minutes in random index updates.
     */
    public void addHistory(java.util.function.Consumer<HistorySink> source) {
        jdbi.useTransaction(h -> {
            h.execute("DROP TABLE IF EXISTS view_import");
            h.execute("CREATE TEMPORARY TABLE view_import (article_id BIGINT NOT NULL, hour BIGINT NOT NULL,"
                    + " views BIGINT NOT NULL)");
            var staged = new Staging(h);
            source.accept(staged);
            staged.flush();
            Dialect.of(h).withPageCache(h, BULK_CACHE_MB, () -> h.execute("""
                    INSERT INTO view_hour (article_id, hour, views)
                    SELECT article_id, hour, SUM(views) FROM view_import
                    GROUP BY article_id, hour ORDER BY article_id, hour
                    ON CONFLICT (article_id, hour) DO UPDATE SET views = view_hour.views + excluded.views"""));
            h.execute("DROP TABLE view_import");
            bumpGeneration(h);
        });
    }

    /** Views on their way to {@code view_import}, in batches. */
    private static final class Staging implements HistorySink {
        private static final int BATCH = 10_000;
        private final Handle h;
        private org.jdbi.v3.core.statement.PreparedBatch batch;
        private int size;

        Staging(Handle h) {
            this.h = h;
            this.batch = next();
        }

        @Override
        public void add(long articleId, long epochHour, long views) {
            batch.bind("a", articleId).bind("h", epochHour).bind("v", views).add();
            if (++size == BATCH) flush();
        }

        void flush() {
            if (size > 0) batch.execute();
            batch = next();
            size = 0;
        }

        private org.jdbi.v3.core.statement.PreparedBatch next() {
            return h.prepareBatch("INSERT INTO view_import (article_id, hour, views) VALUES (:a, :h, :v)");
        }
    }

    /** Every bucket with {@code fromHour <= hour}, in hour order. */
    void forEachSince(long fromHour, Row row) {
        jdbi.useHandle(h -> h.createQuery(
                        "SELECT article_id, hour, views FROM view_hour WHERE hour >= :from ORDER BY hour")
                .bind("from", fromHour)
                .setFetchSize(10_000)
                .map((rs, ctx) -> {
                    row.accept(rs.getLong(1), rs.getLong(2), rs.getLong(3));
                    return Boolean.TRUE;
                })
                .forEach(x -> {}));
    }

    /** Views per article in the range, straight from the database (ranges the memory copy does not hold). */
    Map<Long, Long> totals(HourRange range) {
        return jdbi.withHandle(h -> {
            Map<Long, Long> out = new HashMap<>();
            h.createQuery("""
                            SELECT article_id, SUM(views) FROM view_hour
                            WHERE hour >= :from AND hour < :to GROUP BY article_id""")
                    .bind("from", range.fromHour())
                    .bind("to", range.toHour())
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        });
    }

    /** One article's non-empty hours in the range. */
    public Map<Long, Long> series(long articleId, HourRange range) {
        return jdbi.withHandle(h -> {
            Map<Long, Long> out = new TreeMap<>();
            h.createQuery("""
                            SELECT hour, views FROM view_hour
                            WHERE article_id = :article AND hour >= :from AND hour < :to""")
                    .bind("article", articleId)
                    .bind("from", range.fromHour())
                    .bind("to", range.toHour())
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        });
    }

    public long totalViews() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(SUM(views), 0) FROM view_hour")
                .mapTo(Long.class)
                .one());
    }

    long generation() {
        return jdbi.withHandle(h -> h.createQuery("SELECT generation FROM view_generation WHERE id = 1")
                .mapTo(Long.class)
                .one());
    }

    /** Tells every node that old buckets changed (an import), inside the importing transaction. */
    static void bumpGeneration(Handle h) {
        h.createUpdate("UPDATE view_generation SET generation = generation + 1 WHERE id = 1").execute();
    }
}
