package kiji.storage;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One named job's right to run on this node (see {@link Leases}). A periodic job calls
 * {@link #tryHold()} before each round (and between steps of a long one) and skips the round
 * when another node holds it.
 */
public final class Lease {
    private static final Logger log = LoggerFactory.getLogger(Lease.class);
    private final Leases leases;
    private final String name;
    private final Duration duration;

    Lease(Leases leases, String name, Duration duration) {
        this.leases = leases;
        this.name = name;
        this.duration = duration;
    }

    /**
     * True when this node holds the lease now: it was free, expired or already ours, and is now
     * ours for the lease's duration. False when another node holds it, or the database cannot be
     * reached (then nobody can safely run the job here).
     */
    public boolean tryHold() {
        try {
            return leases.take(name, duration);
        } catch (RuntimeException e) {
            log.warn("lease {}: cannot reach the database ({}); not running the job here", name, e.toString());
            return false;
        }
    }

    /** Gives the lease up (a node stopping), so another node need not wait for it to expire. */
    public void release() {
        try {
            leases.give(name);
        } catch (RuntimeException e) {
            log.warn("lease {}: could not release it ({}); it expires by itself", name, e.toString());
        }
    }

    /**
     * Waits up to {@code patience} for the lease, runs {@code job} while holding it, then
     * releases it; empty when it could not be had in time.
     */
    public <T> java.util.Optional<T> runAlone(Duration patience, Supplier<T> job) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!tryHold()) {
            if (System.nanoTime() > deadline) return java.util.Optional.empty();
            Thread.sleep(200);
        }
        try {
            return java.util.Optional.ofNullable(job.get());
        } finally {
            release();
        }
    }

    public String name() {
        return name;
    }
}
