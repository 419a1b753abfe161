package kiji.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.Optional;
import kiji.article.Article;
import kiji.article.Status;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.store.AlreadyClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index under {@code DATA/index}. Every write is made searchable before it returns
 * (near-real-time through {@code SearcherManager}), so a change is findable as soon as the
 * editor's request completes; a background task commits within a second. Until that commit an
 * {@code uncommitted} marker sits in the folder, so an index a crash left behind is rebuilt on
 * start instead of silently missing the last edits. A rebuild fills a new generation while this
 * one keeps answering; writes during it go to both, and the swap is one atomic step.
 */
public final class LuceneSearchIndex implements SearchIndex {
    private static final Logger log = LoggerFactory.getLogger(LuceneSearchIndex.class);
    /**
     * Lucene says, through java.util.logging and on every start, that the JDK's incubating Vector
     * API is not enabled: an unformatted WARNING in the middle of Kiji's log that reads like a
     * fault, about a speed-up Kiji does not ask for (it would need an incubator module). Only that
     * logger is quieted; it is held here because java.util.logging keeps its loggers weakly.
     */
    static final java.util.logging.Logger LUCENE_VECTORIZATION = quieted("org.apache.lucene.internal.vectorization");

    private final IndexGenerations generations;
    private final Analyzer analyzer;
    private final LuceneSearch search;
    private final LongFunction<Optional<Article>> reload;
    private final Object writes = new Object();
    private final Object rebuilding = new Object();
    private volatile Generation live;
    private Generation shadow; // guarded by writes: the generation a rebuild is filling
    private Set<Long> touched; // guarded by writes: ids changed while the rebuild ran
    private boolean dirty; // guarded by writes: live has changes not yet committed
    private final ScheduledExecutorService committer = Executors.newSingleThreadScheduledExecutor(r -> {
        var t = new Thread(r, "kiji-search-commit");
        t.setDaemon(true);
        return t;
    });

    private LuceneSearchIndex(IndexGenerations generations, Analyzer analyzer, LongFunction<Optional<Article>> reload) {
        this.generations = generations;
        this.analyzer = analyzer;
        this.search = new LuceneSearch(analyzer);
        this.reload = reload;
        committer.scheduleWithFixedDelay(this::commitQuietly, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Opens the index under {@code root}, or rebuilds it from {@code source} when it is missing,
     * damaged, built by another schema, or out of step with the database. Never fails for a bad
     * index; fails with {@link IndexBusyException} when another process holds the folder.
     *
     * @param reload the current state of one article, to settle changes made during a rebuild
     */
    public static LuceneSearchIndex open(Path root, Analyzer analyzer, ArticleSource source,
                                         LongFunction<Optional<Article>> reload) {
        return open(IndexGenerations.lock(root), analyzer, source, reload);
    }

    /** {@link #open(Path, Analyzer, ArticleSource, LongFunction)} on a folder already locked; releases it on failure. */
    static LuceneSearchIndex open(IndexGenerations generations, Analyzer analyzer, ArticleSource source,
                                  LongFunction<Optional<Article>> reload) {
        var root = generations.root();
        var index = new LuceneSearchIndex(generations, analyzer, reload);
        try {
            var current = generations.current();
            if (current.isEmpty()) {
                log.info("search index: none under {}; building it from the database", root);
            } else {
                try {
                    index.live = Generation.existing(current.get(), analyzer);
                } catch (IOException | RuntimeException e) {
                    log.warn("search index: {} is unusable ({}: {}); rebuilding it from the database", current.get(),
                            e.getClass().getSimpleName(), e.getMessage());
                }
            }
            if (index.live != null) {
                long indexed = index.size();
                long stored = source.count();
                if (indexed != stored) {
                    log.warn("search index: {} documents but {} articles in the database; rebuilding", indexed, stored);
                    index.rebuild(source);
                } else {
                    generations.deleteAllBut(index.live.dir());
                }
            } else {
                index.rebuild(source);
            }
            return index;
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
    }

    /**
     * {@code kiji search reindex}: builds a new generation from {@code source} and makes it
     * current in one atomic step, for a folder no server is using (a crash half-way leaves the
     * old index current). Returns the number of documents.
     *
     * @throws IndexBusyException when a running server holds the folder
     */
    public static long rebuildOffline(Path root, Analyzer analyzer, ArticleSource source,
                                      LongFunction<Optional<Article>> reload) {
        try (var index = new LuceneSearchIndex(IndexGenerations.lock(root), analyzer, reload)) {
            index.rebuild(source);
            return index.size();
        }
    }

    /** Readers never see drafts, so the index never holds them. */
    private static java.util.logging.Logger quieted(String name) {
        var logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    static boolean indexable(Article a) {
        return a.status() != Status.DRAFT && a.publishedAt().isPresent();
    }

    @Override
    public void put(Article article) {
        if (!indexable(article)) {
            remove(article.id());
            return;
        }
        var doc = ArticleDocuments.of(article);
        write(article.id(), g -> g.writer().updateDocument(ArticleDocuments.idTerm(article.id()), doc));
    }

    @Override
    public void remove(long articleId) {
        write(articleId, g -> g.writer().deleteDocuments(ArticleDocuments.idTerm(articleId)));
    }

    private interface Change {
        void apply(Generation g) throws IOException;
    }

    private void write(long id, Change change) {
        synchronized (writes) {
            try {
                if (!dirty) {
                    Generation.markUncommitted(live.dir());
                    dirty = true;
                }
                change.apply(live);
                live.searchers().maybeRefreshBlocking();
                if (shadow != null) {
                    change.apply(shadow);
                    touched.add(id);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void commitQuietly() {
        synchronized (writes) {
            if (!dirty || live == null) return;
            try {
                live.commit();
                Generation.markCommitted(live.dir());
                dirty = false;
            } catch (IOException | RuntimeException e) {
                log.warn("search index: commit failed ({}); retrying in a second", e.toString());
            }
        }
    }

    @Override
    public SearchResults search(SearchRequest request, Instant now) {
        for (int attempt = 0; ; attempt++) {
            var g = live;
            try {
                var searcher = g.searchers().acquire();
                try {
                    return search.run(searcher, request, now);
                } finally {
                    g.searchers().release(searcher);
                }
            } catch (AlreadyClosedException e) {
                if (attempt > 2) throw e; // swapped by a rebuild between reading live and acquiring: retry
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void rebuild(ArticleSource source) {
        synchronized (rebuilding) {
            long started = System.nanoTime();
            Generation next;
            try {
                next = Generation.create(generations.next(), analyzer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                synchronized (writes) {
                    shadow = next;
                    touched = new HashSet<>();
                }
                try (var load = new ParallelLoad(next.writer(), Runtime.getRuntime().availableProcessors())) {
                    source.forEach(a -> {
                        if (indexable(a)) load.add(a);
                    });
                    load.finish();
                }
                swap(next);
            } catch (IOException | RuntimeException e) {
                synchronized (writes) {
                    shadow = null;
                    touched = null;
                }
                next.closeQuietly();
                IndexGenerations.deleteTree(next.dir());
                if (e instanceof RuntimeException r) throw r;
                throw new UncheckedIOException((IOException) e);
            }
            log.info("search index: rebuilt {} with {} documents in {} ms", next.dir().getFileName(), size(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /**
     * Articles changed during the bulk load may have been read before their change and written
     * after it; reloading them while writes wait makes the new generation exactly the database.
     */
    private void swap(Generation next) throws IOException {
        Generation old;
        synchronized (writes) {
            for (long id : touched) {
                var now = reload.apply(id).filter(LuceneSearchIndex::indexable);
                if (now.isPresent()) next.writer().updateDocument(ArticleDocuments.idTerm(id), ArticleDocuments.of(now.get()));
                else next.writer().deleteDocuments(ArticleDocuments.idTerm(id));
            }
            next.commit();
            next.bulkLoaded();
            next.searchers().maybeRefreshBlocking();
            generations.makeCurrent(next.dir());
            old = live;
            live = next;
            shadow = null;
            touched = null;
            dirty = false;
        }
        if (old != null) {
            old.closeQuietly();
            IndexGenerations.deleteTree(old.dir());
        }
        generations.deleteAllBut(next.dir());
    }

    @Override
    public long size() {
        // from a refreshed reader, not IndexWriter.getDocStats(): those leave out deletions still buffered,
        // so an article re-put during a rebuild would count twice
        var g = live;
        try {
            g.searchers().maybeRefreshBlocking();
            var searcher = g.searchers().acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                g.searchers().release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder of the generation answering searches now (for tests and the operator's log). */
    Path liveFolder() {
        return live.dir();
    }

    @Override
    public void close() {
        // not shutdownNow: an interrupt during a commit closes Lucene's file channels under it
        // (ClosedByInterruptException, the write lock invalidated)
        committer.shutdown();
        try {
            committer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (writes) {
            commitQuietly();
            if (live != null) live.closeQuietly();
            if (shadow != null) shadow.closeQuietly();
            generations.close();
        }
    }
}
