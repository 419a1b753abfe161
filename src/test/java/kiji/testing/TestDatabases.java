package kiji.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import kiji.storage.Database;
import kiji.storage.DatabaseSettings;

/**
 * Real databases for tests: a fresh SQLite file, or a fresh database on one embedded
 * PostgreSQL server (real server binaries, started once per test JVM).
 */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    public enum Engine {
        SQLITE,
        POSTGRES
    }

    private TestDatabases() {}

    public static Database open(Engine engine, Path tempDir) {
        return engine == Engine.SQLITE ? Database.sqlite(tempDir) : Database.open(freshPostgres());
    }

    /** A new, empty PostgreSQL database on the shared embedded server. */
    public static synchronized DatabaseSettings freshPostgres() {
        try {
            if (postgres == null) postgres = EmbeddedPostgres.builder().start();
            var name = "kiji_test_" + COUNTER.incrementAndGet();
            try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return new DatabaseSettings(postgres.getJdbcUrl("postgres", name), Optional.of("postgres"),
                    Optional.empty(), 5, 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
