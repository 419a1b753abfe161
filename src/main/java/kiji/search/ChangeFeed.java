package kiji.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import kiji.article.Article;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's index in step with changes made on other nodes sharing the database. Every
 * article change is appended to {@code search_change} by the node that made it, in the article's
 * own transaction ({@link #record}), and so is every fixed page's ({@link #recordPage}: those rows
 * only tell the listeners, see {@link #onPageChange}); every node reads
 * the rows after its mark about once a second and re-reads those articles from the database
 * (gone, draft or trashed → removed from the index; otherwise indexed as stored now). Re-reading
 * makes the order of changes irrelevant: the database's current state always wins.
 *
 * <p>Sequence numbers are handed out when a row is inserted but become visible when it commits,
 * so a lower number can appear after a higher one was read. The mark therefore only moves past a
 * row once it has been seen for {@link #SETTLE}; rows above the mark are applied once each as
 * they appear. The mark is kept in {@code DATA/index/CHANGES} so a restarted node catches up on
 * what it missed; if those rows were pruned meanwhile ({@link #KEEP}), the index is rebuilt.
 */
public final class ChangeFeed implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
    /** The PostgreSQL channel whose notices wake every node's feed at once (see {@link #wake}). */
    public static final String CHANNEL = "kiji_changes";
    static final Duration SETTLE = Duration.ofSeconds(10);
    static final Duration KEEP = Duration.ofDays(7);
    private static final int BATCH = 500;

    private final ChangeLog changes;
    private final SearchIndex index;
    private final LongFunction<Optional<Article>> articles;
    private final Path markFile;
    private final Clock clock;
    private final LongSupplier ticker;
    private final Map<Long, Long> seen = new HashMap<>(); // seq above the mark → when first applied (ticker)
    private long mark;
    private volatile boolean resumed; // the catch-up from the stored mark is done
    private long lastPrune = Long.MIN_VALUE;
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private final List<LongConsumer> pageListeners = new CopyOnWriteArrayList<>();
    // seqs this node wrote: its own caches learnt of those changes from the ArticleEvent already
    private final java.util.Set<Long> own = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile BooleanSupplier mayPrune = () -> true;
    private volatile java.util.function.Consumer<Handle> notice = h -> {};
    private volatile Optional<ArticleSource> started = Optional.empty();
    private final java.util.concurrent.atomic.AtomicBoolean woken = new java.util.concurrent.atomic.AtomicBoolean();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        var t = new Thread(r, "kiji-search-changes");
        t.setDaemon(true);
        return t;
    });

    ChangeFeed(ChangeLog changes, SearchIndex index, LongFunction<Optional<Article>> articles, Path markFile,
               Clock clock, LongSupplier ticker) {
        this.changes = changes;
        this.index = index;
        this.articles = articles;
        this.markFile = markFile;
        this.clock = clock;
        this.ticker = ticker;
    }

    /**
     * A feed that records this node's changes at once ({@link #on}) and reads other nodes' from
     * {@link #start}.
     */
    public static ChangeFeed create(Jdbi jdbi, SearchIndex index, LongFunction<Optional<Article>> articles,
                                    Path indexFolder, Clock clock) {
        return new ChangeFeed(new ChangeLog(jdbi), index, articles, indexFolder.resolve("CHANGES"), clock,
                System::nanoTime);
    }

    /**
     * Polls every {@code interval} on the feed's own thread. The catch-up from the stored mark
     * (rebuilding from {@code source} when the feed no longer reaches back that far) normally ran
     * already ({@link #catchUp}, as the index opened); if it did not or failed (the database
     * briefly away), the first poll does it, and the next ones try again.
     */
    public void start(ArticleSource source, Duration interval) {
        started = Optional.of(source);
        poller.scheduleWithFixedDelay(() -> pollQuietly(source), interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * The catch-up from the stored mark, applied to {@code target} (the index being opened, before
     * it answers); nothing once done. Polls that follow go to this feed's own index.
     */
    public synchronized void catchUp(SearchIndex target, ArticleSource source) {
        if (!resumed) resume(target, source);
    }

    synchronized void resume(ArticleSource source) {
        resume(index, source);
    }

    private void resume(SearchIndex target, ArticleSource source) {
        long newest = changes.newest();
        var stored = storedMark();
        if (stored.isEmpty()) {
            // a fresh index (or one from before the feed existed) was just checked against the database
            mark = newest;
        } else if (stored.get() + 1 < changes.oldest()) {
            log.warn("search changes: this node last read change {}, but the feed now starts at {}; rebuilding the index",
                    stored.get(), changes.oldest());
            mark = newest;
            target.rebuild(source);
        } else {
            mark = stored.get();
            poll(target);
            log.info("search changes: caught up from change {} to {}", stored.get(), mark);
        }
        saveMark();
        resumed = true;
    }

    /**
     * Told the id of every article changed on another node, once per change, as soon as a poll
     * sees its row (before the index is updated): how this node's caches learn of other nodes'
     * edits within about a second (its own edits reach them through ArticleEvents, at once).
     * A listener that throws does not stop the others.
     */
    public void onChange(LongConsumer listener) {
        listeners.add(listener);
    }

    /**
     * Told the id of every fixed page changed on another node (created, edited, moved, published,
     * unpublished or deleted), once per change, as soon as a poll sees its row: the render cache
     * forgets the page and every answer whose footer or sitemap lists pages.
     */
    public void onPageChange(LongConsumer listener) {
        pageListeners.add(listener);
    }

    /**
     * Run on the writing transaction after each row this node appends: PostgreSQL's NOTIFY on
     * {@link #CHANNEL}, so the other nodes' feeds are woken ({@link #wake}) when it commits
     * instead of at their next poll.
     */
    public void noticeWith(java.util.function.Consumer<Handle> notice) {
        this.notice = notice;
    }

    /**
     * Polls now rather than at the next round (a notice said another node committed a change);
     * wakes that come while one is pending are folded into it. Nothing before {@link #start}.
     */
    public void wake() {
        var source = started;
        if (source.isEmpty() || !woken.compareAndSet(false, true)) return;
        try {
            poller.execute(() -> {
                woken.set(false);
                if (resumed) pollQuietly(source.get());
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            woken.set(false); // closed
        }
    }

    /**
     * Asked before the hourly prune of old rows: only the node holding the prune lease does it
     * (see kiji.storage.Lease), so several nodes do not each delete the same rows.
     */
    public void pruneOnlyWhen(BooleanSupplier mayPrune) {
        this.mayPrune = mayPrune;
    }

    /**
     * Appends a change made through this node, inside the article's own transaction (see
     * {@link kiji.article.ArticleStore#addWriteListener}); the node's own index is updated by its
     * {@code SearchIndexer} once that commits.
     */
    public void record(Handle h, long articleId) {
        recordOwn(h, ChangeSubject.ARTICLE, articleId);
    }

    /**
     * Appends a change to fixed page {@code pageId} made through this node, inside the page's own
     * transaction (see {@link kiji.page.FixedPageStore#addWriteListener}); this node's caches
     * learn of it from the page service at once.
     */
    public void recordPage(Handle h, long pageId) {
        recordOwn(h, ChangeSubject.PAGE, pageId);
    }

    private void recordOwn(Handle h, ChangeSubject subject, long id) {
        if (own.size() > 10_000) own.clear(); // rows of rolled-back writes never show up; at worst a repeated empty
        own.add(ChangeLog.record(h, subject, id, clock.instant()));
        notice.accept(h);
    }

    /**
     * The same record for a process that keeps no index of its own ({@code kiji import}): the
     * servers sharing the database read its changes into theirs, woken by {@code notice} (see
     * {@link #noticeWith}).
     */
    public static kiji.article.ArticleStore.WriteListener recorder(Clock clock, java.util.function.Consumer<Handle> notice) {
        return (h, articleId) -> {
            ChangeLog.record(h, ChangeSubject.ARTICLE, articleId, clock.instant());
            notice.accept(h);
        };
    }

    /** The same record of fixed pages' changes, for {@code kiji import}. */
    public static kiji.page.FixedPageStore.WriteListener pageRecorder(Clock clock, java.util.function.Consumer<Handle> notice) {
        return (h, pageId) -> {
            ChangeLog.record(h, ChangeSubject.PAGE, pageId, clock.instant());
            notice.accept(h);
        };
    }

    private void pollQuietly(ArticleSource source) {
        try {
            if (!resumed) {
                catchUp(index, source);
                return;
            }
            poll();
            if (clock.millis() - lastPrune > Duration.ofHours(1).toMillis()) {
                if (mayPrune.getAsBoolean()) changes.prune(clock.instant().minus(KEEP));
                lastPrune = clock.millis();
            }
        } catch (RuntimeException e) {
            log.warn("search changes: poll failed ({}); retrying", e.toString());
        }
    }

    /** Applies every change above the mark not applied yet, then moves the mark past settled rows. */
    synchronized void poll() {
        poll(index);
    }

    private void poll(SearchIndex target) {
        long now = ticker.getAsLong();
        long from = mark;
        while (true) {
            var batch = changes.after(from, BATCH);
            for (var c : batch) {
                if (seen.containsKey(c.seq())) continue;
                boolean elsewhere = !own.remove(c.seq());
                if (c.subject() == ChangeSubject.PAGE) {
                    if (elsewhere) tell(pageListeners, "page", c.id());
                } else {
                    if (elsewhere) tell(listeners, "article", c.id());
                    apply(target, c.id()); // a change that fails here is not marked seen: the next poll tries it again
                }
                seen.put(c.seq(), now);
            }
            if (batch.size() < BATCH) break;
            from = batch.getLast().seq();
        }
        long before = mark;
        for (var seq : seen.keySet().stream().sorted().toList()) {
            if (now - seen.get(seq) < SETTLE.toNanos()) break;
            mark = seq;
            seen.remove(seq);
        }
        if (mark != before) saveMark();
    }

    private static void tell(List<LongConsumer> listeners, String subject, long id) {
        for (var l : listeners) {
            try {
                l.accept(id);
            } catch (RuntimeException e) {
                log.warn("search changes: a listener failed for {} {}", subject, id, e);
            }
        }
    }

    private void apply(SearchIndex target, long articleId) {
        var now = articles.apply(articleId);
        if (now.isPresent()) target.put(now.get());
        else target.remove(articleId);
    }

    long mark() {
        return mark;
    }

    private Optional<Long> storedMark() {
        try {
            if (!Files.isRegularFile(markFile)) return Optional.empty();
            return Optional.of(Long.parseLong(Files.readString(markFile, StandardCharsets.UTF_8).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void saveMark() {
        try {
            var tmp = markFile.resolveSibling("CHANGES.tmp");
            Files.writeString(tmp, mark + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, markFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("search changes: cannot save the mark in {} ({}); a restart re-reads more changes", markFile,
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        // no interrupt: Lucene's file channels close themselves when a thread writing them is interrupted
        poller.shutdown();
        try {
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
