package kiji.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import kiji.article.Article;
import org.apache.lucene.index.IndexWriter;

/**
 * Feeds a rebuild's documents to the writer from one thread per core: Kuromoji analysis is what
 * a rebuild spends its time on, and IndexWriter indexes from several threads at once. The queue
 * is bounded, so a fast database cannot fill the heap; when it is full the reading thread
 * indexes too.
 */
final class ParallelLoad implements AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();
    private final IndexWriter writer;
    private final ThreadPoolExecutor pool;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    ParallelLoad(IndexWriter writer, int threads) {
        this.writer = writer;
        int pool = POOLS.incrementAndGet();
        var count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(threads * 32), r -> {
                    var t = new Thread(r, "kiji-search-rebuild-" + pool + "-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    void add(Article a) {
        rethrow();
        pool.execute(() -> {
            if (failure.get() != null) return;
            try {
                writer.updateDocument(ArticleDocuments.idTerm(a.id()), ArticleDocuments.of(a));
            } catch (IOException | RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        });
    }

    /**
     * Waits for every queued document, with the writer's buffers flushed to segments by every
     * loader thread; throws the first failure. Left to the commit, the last buffers (up to the
     * whole RAM buffer) would be flushed by the committing thread alone while the other cores idle.
     */
    void finish() {
        for (int i = 0; i < pool.getCorePoolSize(); i++) {
            pool.execute(() -> {
                if (failure.get() != null) return;
                try {
                    while (writer.flushNextBuffer()) {
                        // each call checks out one buffer no other thread is using
                    }
                } catch (IOException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            });
        }
        pool.shutdown();
        try {
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                // a large rebuild takes minutes; keep waiting
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild interrupted", e);
        }
        rethrow();
    }

    private void rethrow() {
        var t = failure.get();
        if (t instanceof IOException e) throw new UncheckedIOException(e);
        if (t instanceof RuntimeException e) throw e;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
