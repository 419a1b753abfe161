package kiji.newsroom;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kiji.article.ArticleFilter;
import kiji.article.ArticleService;
import kiji.article.ArticleStore;
import kiji.article.PageRequest;
import kiji.article.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns scheduled articles whose time has come into published ones. Readers already see them
 * on time (visibility is decided at query time, see Article#isPublicAt); this job makes the
 * status say so and fires ArticleEvent UPDATED, so search, caches and webhooks learn of it. It
 * runs once at start, catching up whatever came due while Kiji was down, then every 15 seconds.
 */
public final class ScheduledPublisher implements AutoCloseable {
    static final long PERIOD_SECONDS = 15;
    private static final Logger log = LoggerFactory.getLogger(ScheduledPublisher.class);

    private final ArticleStore store;
    private final ArticleService service;
    private final AuditLog audit;
    private final Clock clock;
    private ScheduledExecutorService executor;

    ScheduledPublisher(ArticleStore store, ArticleService service, AuditLog audit, Clock clock) {
        this.store = store;
        this.service = service;
        this.audit = audit;
        this.clock = clock;
    }

    /** Publishes every due article now; returns how many. */
    public synchronized int publishDue() {
        var filter = new ArticleFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(Status.SCHEDULED));
        int count = 0;
        while (true) {
            var due = store.list(filter, new PageRequest(1, 100), Optional.of(clock.instant())).items();
            if (due.isEmpty()) return count;
            for (var a : due) {
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

    private void runSafely() {
        try {
            int n = publishDue();
            if (n > 0) log.info("published {} scheduled article(s)", n);
        } catch (RuntimeException e) {
            log.warn("scheduled publishing failed; will retry", e);
        }
    }

    @Override
    public synchronized void close() {
        if (executor != null) executor.shutdownNow();
        executor = null;
    }
}
