package kiji.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import kiji.testing.TestDatabases;
import kiji.testing.TestDatabases.Engine;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HourBucketStorageTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void deltas_from_several_flushes_and_nodes_add_up_in_the_shared_buckets(Engine engine) {
        try (var db = TestDatabases.open(engine, dir)) {
            var nodeA = new HourBucketStore(db.jdbi());
            var nodeB = new HourBucketStore(db.jdbi());
            long hour = HourBucket.of(Instant.parse("2024-10-21T03:00:00Z")).epochHour();
            nodeA.add(List.of(new PendingViews.Delta(7, hour, 3), new PendingViews.Delta(8, hour, 1)));
            nodeB.add(List.of(new PendingViews.Delta(7, hour, 2), new PendingViews.Delta(7, hour + 1, 4)));
            assertThat(nodeA.totals(new HourRange(hour, hour + 1))).containsEntry(7L, 5L).containsEntry(8L, 1L);
            assertThat(nodeB.totals(new HourRange(hour, hour + 2))).containsEntry(7L, 9L);
            assertThat(nodeA.series(7, new HourRange(hour, hour + 2))).containsEntry(hour, 5L).containsEntry(hour + 1, 4L);
            assertThat(nodeA.totalViews()).isEqualTo(10);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void the_memory_copy_sums_the_same_windows_as_the_database(Engine engine) {
        try (var db = TestDatabases.open(engine, dir)) {
            var store = new HourBucketStore(db.jdbi());
            var clock = kiji.testing.MutableClock.at("2024-10-21T03:10:00Z");
            long now = HourBucket.of(clock.instant()).epochHour();
            store.add(List.of(new PendingViews.Delta(1, now, 3), new PendingViews.Delta(1, now - 23, 2),
                    new PendingViews.Delta(1, now - 24, 100), new PendingViews.Delta(2, now - 100, 7)));
            var mirror = new BucketMirror(store, clock);
            mirror.sync();
            for (var w : RankingWindow.values()) {
                var range = w.rangeAt(clock.instant());
                var fromMemory = mirror.totals(range).orElseThrow();
                var fromDb = store.totals(range);
                for (int i = 0; i < fromMemory.size(); i++) {
                    assertThat(fromMemory.views()[i]).as(w + " article " + fromMemory.ids()[i])
                            .isEqualTo(fromDb.getOrDefault(fromMemory.ids()[i], 0L));
                }
            }
            assertThat(store.totals(RankingWindow.DAY.rangeAt(clock.instant()))).containsEntry(1L, 5L);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void visitor_salts_are_one_per_day_shared_by_nodes_and_old_ones_are_deleted(Engine engine) {
        try (var db = TestDatabases.open(engine, dir)) {
            var a = new VisitorSalts(db.jdbi());
            var b = new VisitorSalts(db.jdbi());
            assertThat(a.forDay(20_000)).isEqualTo(b.forDay(20_000));
            assertThat(a.forDay(20_001)).isNotEqualTo(a.forDay(20_000));
            a.forDay(20_003);
            long rows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM visitor_salt WHERE day < 20002")
                    .mapTo(Long.class).one());
            assertThat(rows).isZero();
        }
    }
}
