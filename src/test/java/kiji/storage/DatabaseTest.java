package kiji.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
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
