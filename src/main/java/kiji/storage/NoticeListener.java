package kiji.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL's LISTEN on one channel, on a connection of its own (outside the pool, which it
 * would otherwise hold forever), on its own thread: runs {@code onNotice} after each batch of
 * notifications, once after each (re)connection (what was sent while it was not listening), and
 * never on its own thread's failures. A lost connection is reopened after {@link #RETRY}; a
 * quiet one is checked every {@link #CHECK} so a silently dropped one is noticed. Whoever uses
 * it keeps a slower fallback (a poll) for the time it is away.
 */
public final class NoticeListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NoticeListener.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z_]{1,63}");
    static final Duration RETRY = Duration.ofSeconds(2);
    static final Duration CHECK = Duration.ofSeconds(30);
    private static final int WAIT_MILLIS = 500; // how soon close() is noticed

    /** Opens the connection (again). */
    @FunctionalInterface
    interface Connector {
        Connection open() throws SQLException;
    }

    private final Connector connector;
    private final String channel;
    private final Runnable onNotice;
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean listening;

    private NoticeListener(Connector connector, String channel, Runnable onNotice) {
        if (!CHANNEL.matcher(channel).matches()) throw new IllegalArgumentException("bad channel name " + channel);
        this.connector = connector;
        this.channel = channel;
        this.onNotice = onNotice;
        this.thread = Thread.ofPlatform().daemon().name("kiji-listen-" + channel).unstarted(this::run);
    }

    /** Starts listening with the pool's own URL and credentials. */
    static NoticeListener start(String jdbcUrl, String user, String password, String channel, Runnable onNotice) {
        var props = new Properties();
        if (user != null) props.setProperty("user", user);
        if (password != null) props.setProperty("password", password);
        props.setProperty("ApplicationName", "kiji-listen");
        var listener = new NoticeListener(() -> DriverManager.getConnection(jdbcUrl, props), channel, onNotice);
        listener.thread.start();
        return listener;
    }

    /** True while the connection listens (false before the first connection and while it is reopened). */
    public boolean listening() {
        return listening;
    }

    private void run() {
        boolean warned = false;
        while (!closed) {
            try (var connection = connector.open()) {
                try (var listen = connection.prepareStatement("LISTEN " + channel)) { // a checked constant, not input
                    listen.execute();
                }
                listening = true;
                if (warned) log.info("listening on {} again", channel);
                warned = false;
                tell(); // what was sent while this node was not listening
                listen(connection);
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (closed) return;
                if (!warned) log.warn("cannot listen on {} ({}); the poll carries on, retrying", channel, e.toString());
                warned = true;
                try {
                    Thread.sleep(RETRY.toMillis());
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void listen(Connection connection) throws SQLException {
        var pg = connection.unwrap(PGConnection.class);
        long quietSince = System.nanoTime();
        while (!closed) {
            var notices = pg.getNotifications(WAIT_MILLIS);
            if (notices != null && notices.length > 0) {
                tell();
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > CHECK.toNanos()) {
                try (var check = connection.prepareStatement("SELECT 1")) { // throws on a dropped connection
                    check.execute();
                }
                quietSince = System.nanoTime();
            }
        }
    }

    private void tell() {
        try {
            onNotice.run();
        } catch (RuntimeException e) {
            log.warn("a listener of {} failed", channel, e);
        }
    }

    /** Stops listening within about half a second and closes the connection. */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(2 * WAIT_MILLIS + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
