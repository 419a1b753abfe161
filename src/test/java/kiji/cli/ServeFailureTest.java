package kiji.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import kiji.storage.Database;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiji serve} that fails after the database is open lets go of it before exiting. */
class ServeFailureTest {
    @TempDir
    Path dir;

    @Test
    void demo_content_that_cannot_be_written_closes_the_database_and_exits_1_with_one_line() throws Exception {
        // a database that refuses new articles (as a read-only archive would): the demo fill fails midway
        Database.sqlite(dir).close();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("kiji.db"));
                var s = c.createStatement()) {
            s.execute("CREATE TRIGGER archive_only BEFORE INSERT ON article BEGIN SELECT RAISE(ABORT, 'archive only'); END");
        }

        var run = KijiCommandTest.kiji("serve", "--demo", "--data", dir.toString(), "--host", "127.0.0.1", "--port", "0");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).startsWith("kiji: cannot write the demo content: ").contains("archive only");
        assertThat(run.err().strip()).doesNotContain("\n");
        // SQLite removes the WAL file when its last connection closes: the pool is gone
        assertThat(dir.resolve("kiji.db-wal")).doesNotExist();
        // and the search index is unlocked: Kiji starts again on the same folder in this JVM
        try (var app = TestKiji.start(dir, MutableClock.at("2024-10-21T01:58:00Z"))) {
            assertThat(app.get("/").statusCode()).isEqualTo(200);
        }
        assertThat(Files.exists(dir.resolve("kiji.db"))).isTrue();
    }

    @Test
    void a_search_index_held_by_a_running_kiji_stops_a_second_one_with_exit_1_and_one_line() {
        try (var running = TestKiji.start(dir, MutableClock.at("2024-10-21T01:58:00Z"))) {
            var run = KijiCommandTest.kiji("serve", "--data", dir.toString(), "--host", "127.0.0.1", "--port", "0");
            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err()).startsWith("kiji: cannot start: ");
            assertThat(run.err().strip()).doesNotContain("\n");
            assertThat(running.get("/").statusCode()).isEqualTo(200);
        }
    }
}
