package kiji.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import kiji.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void the_embedded_default_is_sqlite_in_wal_mode_with_foreign_keys_at_data_kiji_db() {
        var data = dir.resolve("データ folder");
        try (var db = Database.sqlite(data)) {
            assertThat(db.dialect()).isEqualTo(Dialect.SQLITE);
            assertThat(data.resolve("kiji.db")).isRegularFile();
            db.jdbi().useHandle(h -> {
                assertThat(h.createQuery("PRAGMA journal_mode").mapTo(String.class).one()).isEqualToIgnoringCase("wal");
                assertThat(h.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one()).isEqualTo(1);
            });
        }
    }

    @Test
    void reopening_a_database_keeps_its_data_and_migrates_nothing_twice() {
        try (var db = Database.sqlite(dir)) {
            db.jdbi().useHandle(h -> h.execute("INSERT INTO category (slug, name, section) VALUES ('a', 'A', 'a')"));
        }
        try (var db = Database.sqlite(dir)) {
            long count = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM category").mapTo(Long.class).one());
            assertThat(count).isEqualTo(1);
        }
    }

    @Test
    void a_migration_newer_than_the_database_still_runs_on_the_next_start() {
        var url = DatabaseSettings.of("jdbc:sqlite:" + dir.resolve("kiji.db"));
        try (var db = Database.open(url)) {
            long articles = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM article").mapTo(Long.class).one());
            assertThat(articles).isZero();
        }
        var withNewer = List.of(Database.MIGRATIONS, "classpath:kiji/storage/newer");
        try (var db = Database.open(url, withNewer)) {
            db.jdbi().useHandle(h -> h.execute("INSERT INTO startup_probe (note) VALUES ('ran')"));
        }
        try (var db = Database.open(url, withNewer)) {
            String note = db.jdbi().withHandle(h -> h.createQuery("SELECT note FROM startup_probe").mapTo(String.class).one());
            assertThat(note).isEqualTo("ran");
        }
    }

    @Test
    void a_failed_migration_in_the_history_makes_flyway_refuse_to_start() {
        var url = DatabaseSettings.of("jdbc:sqlite:" + dir.resolve("kiji.db"));
        try (var db = Database.open(url)) {
            db.jdbi().useHandle(h -> h.execute("UPDATE flyway_schema_history SET success = 0 WHERE version = '13'"));
        }
        assertThatThrownBy(() -> Database.open(url)).isInstanceOf(StorageException.class)
                .hasMessageContaining("cannot migrate");
    }

    @Test
    void postgresql_reopens_a_current_database_and_runs_a_newer_migration() {
        var settings = TestDatabases.freshPostgres();
        try (var db = Database.open(settings)) {
            assertThat(db.dialect()).isEqualTo(Dialect.POSTGRES);
        }
        try (var db = Database.open(settings)) {
            long articles = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM article").mapTo(Long.class).one());
            assertThat(articles).isZero();
        }
        try (var db = Database.open(settings, List.of(Database.MIGRATIONS, "classpath:kiji/storage/newer"))) {
            long probes = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM startup_probe").mapTo(Long.class).one());
            assertThat(probes).isZero();
        }
    }

    @Test
    void postgresql_is_chosen_by_its_url_and_migrated_the_same_way() {
        try (var db = Database.open(TestDatabases.freshPostgres())) {
            assertThat(db.dialect()).isEqualTo(Dialect.POSTGRES);
            long count = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM article").mapTo(Long.class).one());
            assertThat(count).isZero();
        }
    }

    @Test
    void only_sqlite_and_postgresql_urls_are_accepted() {
        assertThatThrownBy(() -> Database.open(DatabaseSettings.of("jdbc:mysql://db/kiji")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:postgresql:");
    }

    @Test
    void a_password_in_the_url_never_appears_in_messages() {
        var settings = new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/kiji?user=k&password=s3cret&ssl=true",
                Optional.empty(), Optional.of("other"), 2, 1);
        assertThat(settings.redactedUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:1/kiji?user=k&password=***&ssl=true");
        assertThatThrownBy(() -> Database.open(settings)).isInstanceOf(StorageException.class)
                .message().doesNotContain("s3cret", "other").contains("password=***");
    }
}
