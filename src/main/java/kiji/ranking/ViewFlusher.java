package kiji.ranking;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes this node's pending views to the shared buckets once a second, so {@code kill -9}
 * loses at most the last second. A failed write puts the deltas back for the next attempt;
 * {@link #close()} stops the schedule and flushes everything that is left.
 */
final class ViewFlusher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ViewFlusher.class);
    static final long INTERVAL_MILLIS = 1000;

    private final PendingViews pending;
    private final HourBucketStore store;
    private final ScheduledExecutorService timer;
    private volatile long lastFlushed = System.nanoTime();

    ViewFlusher(PendingViews pending, HourBucketStore store) {
        this.pending = pending;
        this.store = store;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "kiji-views-flush");
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        timer.scheduleAtFixedRate(this::flushQuietly, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Writes what is pending now; throws when the database refuses (the deltas stay pending). */
    synchronized void flush() {
        var deltas = pending.drain();
        try {
            store.add(deltas);
            lastFlushed = System.nanoTime();
        } catch (RuntimeException e) {
            pending.restore(deltas);
            throw e;
        }
    }

    /**
     * Seconds since the last flush that reached the database: about 1 normally; it grows while
     * the database refuses, and that many seconds of views would be lost by a crash.
     */
    double lagSeconds() {
        return (System.nanoTime() - lastFlushed) / 1e9;
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("could not flush views (kept for the next attempt): {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushQuietly();
    }
}
