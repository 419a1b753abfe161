package kiji.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

/**
 * A consistent copy of a SQLite database taken while a server writes to it, through SQLite's
 * online backup API (sqlite-jdbc's public {@code DB.backup}). The copy is made in one step
 * ({@code pagesPerStep = -1}): one read transaction over the whole file, which in WAL mode
 * blocks no writer. Stepped copies (the {@code backup to} SQL command's 100 pages a step)
 * restart from the first page whenever another process writes between two steps, and with
 * the view flush writing every second a large site's copy might never finish.
 */
public final class SqliteSnapshot {
    private static final int BUSY_SLEEP_MILLIS = 100;
    private static final int BUSY_RETRIES = 100;

    private SqliteSnapshot() {}

    /**
     * Copies {@code database} (a SQLite file, in use or not) to {@code target}, which must not exist.
     *
     * @throws StorageException with SQLite's reason
     */
    public static void copy(Path database, Path target) {
        if (!Files.isRegularFile(database)) throw new StorageException("no SQLite database at " + database.toAbsolutePath(), null);
        var config = new SQLiteConfig();
        config.setBusyTimeout(10_000);
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath(), config.toProperties())) {
            var db = connection.unwrap(SQLiteConnection.class).getDatabase();
            int rc = db.backup("main", target.toAbsolutePath().toString(), null, BUSY_SLEEP_MILLIS, BUSY_RETRIES, -1);
            if (rc != 0) throw new StorageException("the SQLite backup of " + database + " failed with code " + rc, null);
        } catch (SQLException e) {
            throw new StorageException("cannot back up " + database.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}
