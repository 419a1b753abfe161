package kiji.search;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import kiji.article.Article;
import org.apache.lucene.analysis.Analyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index, opened on a thread of its own so the site serves its first page without
 * waiting for it: loading Kuromoji's dictionaries and checking (or rebuilding) the index cost
 * about a second of CPU on a small machine, and a rebuild of a large site minutes
 * (docs/benchmarks.md). The folder lock is taken at once, so a second Kiji on the same folder
 * still stops at start.
 *
 * <p>Until the index is open, a search waits up to {@code patience} and then throws
 * {@link SearchUnavailableException} (the routes answer 503 with Retry-After). Changes made
 * meanwhile are queued in order and applied before the index answers anything, on top of
 * whatever the open read from the database: {@code put} and {@code remove} are idempotent, so
 * none is lost and none is applied twice to any effect. A rebuild and {@link #size()} wait.
 */
public final class StartingSearchIndex implements SearchIndex {
    private static final Logger log = LoggerFactory.getLogger(StartingSearchIndex.class);

    private final CompletableFuture<LuceneSearchIndex> opened = new CompletableFuture<>();
    private final List<Consumer<SearchIndex>> queued = new ArrayList<>(); // guarded by this
    private final Duration patience;
    private volatile LuceneSearchIndex ready; // set, under this, once the queue is applied

    private final IndexGenerations generations;
    private final Runnable opener;
    /** Ends a delayed open's wait: a reader needs the index now, or it is closing. */
    private final CountDownLatch wake = new CountDownLatch(1);
    private boolean started; // guarded by this
    private boolean closed; // guarded by this
    private Consumer<? super SearchIndex> beforeReady = index -> { }; // set before the open thread starts

    private StartingSearchIndex(IndexGenerations generations, Supplier<? extends Analyzer> analysis,
                                ArticleSource source, LongFunction<Optional<Article>> reload, Duration patience) {
        this.generations = generations;
        this.patience = patience;
        this.opener = () -> openIn(generations, analysis, source, reload);
    }

    /**
     * Locks {@code root} now and opens the index behind it in the background.
     *
     * @param analysis builds the analyzer (Kuromoji's dictionaries load on that thread too)
     * @throws IndexBusyException when another process holds the folder
     */
    public static StartingSearchIndex open(Path root, Supplier<? extends Analyzer> analysis, ArticleSource source,
                                           LongFunction<Optional<Article>> reload, Duration patience) {
        var index = lock(root, analysis, source, reload, patience);
        index.openInBackground();
        return index;
    }

    /**
     * Locks {@code root} now; the open starts with {@link #openInBackground()}. The server starts
     * it once it listens, so the open's second of CPU does not compete with the first pages on a
     * small machine. Changes made before that are queued like any made during the open.
     *
     * @throws IndexBusyException when another process holds the folder
     */
    public static StartingSearchIndex lock(Path root, Supplier<? extends Analyzer> analysis, ArticleSource source,
                                           LongFunction<Optional<Article>> reload, Duration patience) {
        var generations = IndexGenerations.lock(root);
        return new StartingSearchIndex(generations, analysis, source, reload, patience);
    }

    /** Starts opening the index on a thread of its own; later calls do nothing. */
    public void openInBackground() {
        openInBackground(index -> { });
    }

    /**
     * As {@link #openInBackground()}, and runs {@code beforeReady} on the opened index on that
     * thread before the index answers anything (the change feed's catch-up, so a restarted node
     * never answers from before the edits it missed). If it fails, the index opens anyway.
     */
    public void openInBackground(Consumer<? super SearchIndex> beforeReady) {
        openInBackground(beforeReady, Duration.ZERO);
    }

    /**
     * As {@link #openInBackground(Consumer)}, starting the open only after {@code delay}, or as
     * soon as something needs the index (a search, a rebuild, {@link #size()},
     * {@link #awaitOpen}). The server passes a second: the open's CPU then comes after the first
     * pages, not beside them, on a small machine (docs/benchmarks.md, start-up).
     */
    public synchronized void openInBackground(Consumer<? super SearchIndex> beforeReady, Duration delay) {
        if (started || closed) return;
        started = true;
        this.beforeReady = beforeReady;
        Thread.ofPlatform().name("kiji-search-open").daemon().start(() -> {
            try {
                wake.await(delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (this) {
                if (closed) { // closed while waiting: nothing was opened
                    generations.close();
                    opened.completeExceptionally(new SearchUnavailableException(false, "search index closed"));
                    return;
                }
            }
            opener.run();
        });
    }

    private void openIn(IndexGenerations generations, Supplier<? extends Analyzer> analysis, ArticleSource source,
                        LongFunction<Optional<Article>> reload) {
        LuceneSearchIndex index;
        try {
            var analyzer = analysis.get();
            warmUp(analyzer);
            index = LuceneSearchIndex.open(generations, analyzer, source, reload);
        } catch (RuntimeException | Error e) {
            generations.close(); // LuceneSearchIndex.open released it already if it got that far; twice is harmless
            log.error("search index: cannot open it ({}); searches answer 503 until Kiji restarts", e.toString(), e);
            opened.completeExceptionally(e);
            return;
        }
        try {
            beforeReady.accept(index);
        } catch (RuntimeException e) {
            log.warn("search index: catching up before answering failed ({}); the feed retries", e.toString());
        }
        synchronized (this) {
            for (var change : queued) {
                try {
                    change.accept(index);
                } catch (RuntimeException e) {
                    log.warn("search index: a change made while it opened could not be applied: {}", e.toString());
                }
            }
            queued.clear();
            ready = index;
        }
        opened.complete(index);
    }

    /** Loads Kuromoji's system dictionary here rather than in the first reader's search. */
    private static void warmUp(Analyzer analyzer) {
        try (var tokens = analyzer.tokenStream("body", "日本の防衛")) {
            tokens.reset();
            while (tokens.incrementToken()) {
                // only the loading matters
            }
            tokens.end();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Waits until the index is open (or failed to); true when it is open. Tests and the operator's tools. */
    public boolean awaitOpen(Duration timeout) {
        wake.countDown();
        try {
            opened.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void put(Article article) {
        change(index -> index.put(article));
    }

    @Override
    public void remove(long articleId) {
        change(index -> index.remove(articleId));
    }

    private void change(Consumer<SearchIndex> change) {
        var index = ready;
        if (index == null) {
            synchronized (this) {
                index = ready;
                if (index == null) {
                    if (!opened.isCompletedExceptionally()) queued.add(change);
                    return; // a failed index takes no changes: the next start rebuilds it
                }
            }
        }
        change.accept(index);
    }

    @Override
    public SearchResults search(SearchRequest request, Instant now) {
        var index = ready;
        if (index == null) index = await(patience);
        return index.search(request, now);
    }

    @Override
    public void rebuild(ArticleSource source) {
        await(null).rebuild(source);
    }

    @Override
    public long size() {
        return await(null).size();
    }

    /** The open index, waiting at most {@code timeout} (null: as long as the open takes). */
    private LuceneSearchIndex await(Duration timeout) {
        wake.countDown();
        try {
            if (timeout == null) opened.join();
            else opened.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new SearchUnavailableException(true, "search index is still opening");
        } catch (ExecutionException | java.util.concurrent.CompletionException e) {
            throw new SearchUnavailableException(false, "search index could not be opened");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SearchUnavailableException(true, "interrupted while the search index opened");
        }
        return ready;
    }

    /** Waits for the open to finish (a rebuild cannot be cut short safely), then closes the index. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (!started) { // never opened: nothing to wait for
                generations.close();
                opened.completeExceptionally(new SearchUnavailableException(false, "search index closed"));
                return;
            }
        }
        wake.countDown(); // a delayed open gives up at once
        try {
            opened.join();
        } catch (RuntimeException e) {
            return; // nothing was opened; the lock is already released
        }
        ready.close();
    }
}
