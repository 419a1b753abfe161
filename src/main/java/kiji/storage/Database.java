package kiji.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The one database Kiji runs on: a pooled DataSource, migrated by Flyway, reached through Jdbi.
 * SQLite (WAL) under the data folder by default; PostgreSQL when a jdbc:postgresql: URL is given.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final Jdbi jdbi;

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.jdbi = Jdbi.create(dataSource);
    }

    /** The embedded default: {@code DATA/kiji.db}. */
    public static Database sqlite(Path dataDir) {
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            throw new StorageException("the data folder " + dataDir.toAbsolutePath() + " is a file, not a folder", null);
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException | SecurityException e) {
            throw new StorageException("cannot create the data folder " + dataDir.toAbsolutePath() + ": "
                    + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        }
        if (!Files.isWritable(dataDir)) {
            throw new StorageException("the data folder " + dataDir.toAbsolutePath() + " is not writable", null);
        }
        return open(DatabaseSettings.of("jdbc:sqlite:" + dataDir.resolve("kiji.db").toAbsolutePath()));
    }

    /** Kiji's migrations, on the class path. */
    static final String MIGRATIONS = "classpath:db/migration";

    public static Database open(DatabaseSettings settings) {
        return open(settings, List.of(MIGRATIONS));
    }

    /** @param migrationLocations Flyway's locations (tests add a folder of newer migrations) */
    static Database open(DatabaseSettings settings, List<String> migrationLocations) {
        var dialect = Dialect.fromJdbcUrl(settings.url());
        var config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setPoolName("kiji-" + dialect.name().toLowerCase());
        settings.user().ifPresent(config::setUsername);
        settings.password().ifPresent(config::setPassword);
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(settings.connectTimeoutMillis());
        if (dialect == Dialect.SQLITE) {
            // One writer at a time is SQLite's rule; IMMEDIATE transactions queue on busy_timeout
            // instead of failing with SQLITE_BUSY when a read transaction later wants to write.
            config.setMaximumPoolSize(4);
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("busy_timeout", "10000");
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        } else {
            config.setMaximumPoolSize(settings.poolSize());
        }
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StorageException("cannot open the database " + settings.redactedUrl() + ": " + rootMessage(e), e);
        }
        var db = new Database(ds, dialect);
        try {
            db.migrate(migrationLocations);
        } catch (RuntimeException e) {
            ds.close();
            throw new StorageException("cannot migrate the database " + settings.redactedUrl() + ": " + rootMessage(e), e);
        }
        return db;
    }

    /** Flyway brings the schema up to date (on a current one it only validates the history). */
    private void migrate(List<String> locations) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(locations.toArray(String[]::new))
                .placeholders(dialect.placeholders())
                .load()
                .migrate();
    }

    /**
     * Reports the pool through HikariCP's Micrometer tracker ({@code hikaricp_connections_*}:
     * active, idle, pending, timeouts, acquire and usage times); once per database.
     */
    public void meterPool(io.micrometer.core.instrument.MeterRegistry registry) {
        dataSource.setMetricsTrackerFactory(
                new com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory(registry));
    }

    /**
     * Runs {@code onNotice} whenever a transaction that called {@link Dialect#notifyAtCommit}
     * on {@code channel} commits (on any node), on a thread and a connection of its own; empty on
     * SQLite, where no other process writes. Close the listener before the database.
     */
    public java.util.Optional<NoticeListener> listen(String channel, Runnable onNotice) {
        if (dialect != Dialect.POSTGRES) return java.util.Optional.empty();
        return java.util.Optional.of(NoticeListener.start(dataSource.getJdbcUrl(), dataSource.getUsername(),
                dataSource.getPassword(), channel, onNotice));
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
