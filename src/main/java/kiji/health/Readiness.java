package kiji.health;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this node should get traffic from the balancer ({@code GET /readyz}): not while it
 * starts or drains, nor while it cannot reach its database. The database is probed once a
 * second on a thread of its own, so the balancer's check never waits on a connection: a probe
 * that fails, or hangs longer than {@link #STALE}, makes the node unready until one succeeds.
 */
public final class Readiness implements AutoCloseable {
    /** The database counts as unreachable when no probe succeeded for this long. */
    static final Duration STALE = Duration.ofSeconds(3);
    private static final Logger log = LoggerFactory.getLogger(Readiness.class);

    /** Where the node is in its life. */
    public enum Phase { STARTING, SERVING, DRAINING }

    /** The answer: ready or not, and why not, in a few words. */
    public record State(boolean ready, String status) {}

    private final Runnable probe;
    private final LongSupplier nanoTime;
    private volatile Phase phase = Phase.STARTING;
    private volatile long lastSuccess;
    private volatile boolean lastFailed = true;
    private ScheduledExecutorService prober;

    /** {@code probe} throws when the database cannot be reached (e.g. runs {@code SELECT 1}). */
    public Readiness(Runnable probe, LongSupplier nanoTime) {
        this.probe = probe;
        this.nanoTime = nanoTime;
    }

    /** Probes now, then every {@code interval} until {@link #close()}; the node serves from now on. */
    public synchronized void serving(Duration interval) {
        probeOnce();
        if (prober == null) {
            prober = Executors.newSingleThreadScheduledExecutor(r -> {
                var t = new Thread(r, "kiji-readiness");
                t.setDaemon(true);
                return t;
            });
            prober.scheduleWithFixedDelay(this::probeOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (phase == Phase.STARTING) phase = Phase.SERVING;
    }

    /** From now on unready for good: the node is stopping. */
    public void drain() {
        phase = Phase.DRAINING;
    }

    public State state() {
        return switch (phase) {
            case STARTING -> new State(false, "starting");
            case DRAINING -> new State(false, "draining");
            case SERVING -> lastFailed || nanoTime.getAsLong() - lastSuccess > STALE.toNanos()
                    ? new State(false, "database unreachable")
                    : new State(true, "ready");
        };
    }

    void probeOnce() {
        try {
            probe.run();
            lastSuccess = nanoTime.getAsLong();
            if (lastFailed && phase != Phase.STARTING) log.info("readiness: the database answers again");
            lastFailed = false;
        } catch (RuntimeException e) {
            if (!lastFailed) log.warn("readiness: the database does not answer ({}); unready", e.toString());
            lastFailed = true;
        }
    }

    @Override
    public synchronized void close() {
        drain();
        if (prober != null) prober.shutdownNow();
        prober = null;
    }
}
