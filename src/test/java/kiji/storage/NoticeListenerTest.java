package kiji.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import kiji.testing.TestDatabases;
import kiji.testing.TestDatabases.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL's LISTEN/NOTIFY behind Database.listen and Dialect.notifyAtCommit; nothing on SQLite. */
class NoticeListenerTest {
    static final String CHANNEL = "kiji_test_notices";

    @TempDir
    Path dir;

    @Test
    void a_notice_reaches_the_listener_when_its_transaction_commits_and_never_when_it_rolls_back() throws Exception {
        var told = new AtomicInteger();
        try (var db = TestDatabases.open(Engine.POSTGRES, dir);
             var listener = db.listen(CHANNEL, told::incrementAndGet).orElseThrow()) {
            assertThat(within(5_000, () -> listener.listening() && told.get() == 1)).as("told once on connecting").isTrue();

            db.jdbi().useTransaction(h -> {
                db.dialect().notifyAtCommit(h, CHANNEL);
                db.dialect().notifyAtCommit(h, CHANNEL); // folded into one by PostgreSQL
                Thread.sleep(300);
                assertThat(told).as("not before the commit").hasValue(1);
            });
            assertThat(within(2_000, () -> told.get() == 2)).isTrue();

            assertThatThrownBy(() -> db.jdbi().useTransaction(h -> {
                db.dialect().notifyAtCommit(h, CHANNEL);
                throw new IllegalStateException("rolled back");
            })).hasMessage("rolled back");
            Thread.sleep(500);
            assertThat(told).hasValue(2);
        }
    }

    @Test
    void a_listener_whose_connection_was_dropped_listens_again_and_is_told_on_reconnecting() throws Exception {
        var told = new AtomicInteger();
        try (var db = TestDatabases.open(Engine.POSTGRES, dir);
             var listener = db.listen(CHANNEL, told::incrementAndGet).orElseThrow()) {
            assertThat(within(5_000, listener::listening)).isTrue();
            int before = told.get();
            int dropped = db.jdbi().withHandle(h -> h.createQuery("""
                            SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity
                            WHERE application_name = 'kiji-listen' AND query LIKE 'LISTEN%'""")
                    .mapTo(Integer.class).one());
            assertThat(dropped).isEqualTo(1);
            // told on reconnecting: what was sent meanwhile is read by whoever listens
            assertThat(within(NoticeListener.RETRY.toMillis() + 5_000, () -> told.get() > before && listener.listening()))
                    .isTrue();
            int reconnected = told.get();
            db.jdbi().useTransaction(h -> db.dialect().notifyAtCommit(h, CHANNEL));
            assertThat(within(2_000, () -> told.get() == reconnected + 1)).isTrue();
        }
    }

    @Test
    void on_sqlite_there_is_nothing_to_listen_to_and_a_notice_is_nothing() {
        try (var db = TestDatabases.open(Engine.SQLITE, dir)) {
            assertThat(db.listen(CHANNEL, () -> {})).isEmpty();
            db.jdbi().useTransaction(h -> db.dialect().notifyAtCommit(h, CHANNEL));
        }
    }

    @Test
    void a_channel_is_a_plain_name() {
        try (var db = TestDatabases.open(Engine.POSTGRES, dir)) {
            assertThatThrownBy(() -> db.listen("x; DROP TABLE article", () -> {}))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    static boolean within(long millis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMillis(millis).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) return true;
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }
}
