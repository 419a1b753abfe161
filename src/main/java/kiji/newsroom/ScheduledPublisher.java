package kiji.newsroom;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kiji.article.ArticleFilter;
import kiji.article.ArticleService;
import kiji.article.ArticleStore;
import kiji.article.PageRequest;
import kiji.article.Status;
import kiji.storage.Lease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns scheduled articles whose time has come into published ones. Readers already see them
 * on time (visibility is decided at query time, see Article#isPublicAt); this job makes the
 * status say so and fires ArticleEvent UPDATED, so search, caches and webhooks learn of it. It
 * runs once at start, catching up whatever came due while Kiji was down, then every 15 seconds,
 * on the one node holding the {@link #LEASE} lease: with several nodes sharing the database an
 * article is published, audited and announced once.
 */
public final class ScheduledPublisher implements AutoCloseable {
    static final long PERIOD_SECONDS = 15;
    public static final String LEASE = "scheduled-publisher";
    /** Three rounds: a holder that stopped renewing is replaced within 45 s. */
    public static final Duration LEASE_DURATION = Duration.ofSeconds(3 * PERIOD_SECONDS);
    private static final Logger log = LoggerFactory.getLogger(ScheduledPublisher.class);

    private final ArticleStore store;
    private final ArticleService service;
    private final AuditLog audit;
    private final Clock clock;
    private final Lease lease;
    private ScheduledExecutorService executor;

    ScheduledPublisher(ArticleStore store, ArticleService service, AuditLog audit, Clock clock, Lease lease) {
        this.store = store;
        this.service = service;
        this.audit = audit;
        this.clock = clock;
        this.lease = lease;
    }

    /** Publishes every due article now; returns how many. */
    public synchronized int publishDue() {
        return publishDue(() -> true);
    }

    /** As {@link #publishDue()}, stopping before an article when {@code stillHeld} says the lease was lost. */
    private int publishDue(BooleanSupplier stillHeld) {
        var filter = new ArticleFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(Status.SCHEDULED));
        int count = 0;
        while (true) {
            var due = store.list(filter, new PageRequest(1, 100), Optional.of(clock.instant())).items();
            if (due.isEmpty()) return count;
            for (var a : due) {
                if (!stillHeld.getAsBoolean()) return count;
                service.update(a.id(), Revisions.Snapshot.of(a).toDraft(Status.PUBLISHED));
                audit.recordSystem("article.publish.scheduled", Editorial.target(a.id()), "scheduled → published");
                count++;
            }
        }
    }

    public synchronized void start() {
        if (executor != null) return;
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "kiji-scheduled-publisher");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::runSafely, 0, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * One round as the timer runs it: publishes every due article only when this node holds (or
     * takes) the lease; returns how many. What a test calls on several nodes at once instead of
     * waiting for their timers.
     */
    public int publishDueIfHeld() {
        if (!lease.tryHold()) return 0; // another node publishes
        return publishDue(lease::tryHold);
    }

    private void runSafely() {
        try {
            int n = publishDueIfHeld();
            if (n > 0) log.info("published {} scheduled article(s)", n);
        } catch (RuntimeException e) {
            log.warn("scheduled publishing failed; will retry", e);
        }
    }

    @Override
    public synchronized void close() {
        if (executor == null) return;
        executor.shutdownNow();
        executor = null;
        lease.release();
    }
}
