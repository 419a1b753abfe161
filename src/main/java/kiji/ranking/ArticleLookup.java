package kiji.ranking;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import kiji.article.Article;
import kiji.article.ArticleEvent;
import kiji.article.ArticleStore;

/**
 * Articles as the beacon needs them (does it exist, is it public), cached for a few seconds:
 * a news spike must not turn every view into a database read. Local edits invalidate at once
 * through {@link ArticleEvent}s; edits made on another node through {@link #forget}, as the
 * change feed sees them (within about a second), else at the latest after {@link #TTL_MILLIS}.
 */
final class ArticleLookup implements ArticleEvent.Listener {
    static final long TTL_MILLIS = 10_000;
    private static final int MAX_ENTRIES = 100_000;
    private final ArticleStore articles;
    private final Clock clock;
    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

    /** What the cache knows of one id: the article, or that there is none. */
    record Entry(Optional<Article> article, long loadedMillis) {}

    ArticleLookup(ArticleStore articles, Clock clock) {
        this.articles = articles;
        this.clock = clock;
    }

    Optional<Article> find(long id) {
        long now = clock.millis();
        var e = entries.get(id);
        if (isFresh(e, now)) return e.article;
        // unknown ids are cached too (a flood of made-up ids stays in memory, bounded below)
        if (entries.size() >= MAX_ENTRIES) entries.clear();
        var loaded = articles.find(id);
        entries.put(id, new Entry(loaded, now));
        return loaded;
    }

    /**
     * The cached answer for {@code id} if it is fresh, without ever reading the database (empty
     * when {@link #find} would have to): for callers that must not wait, such as the beacon
     * answered on Jetty's selector thread.
     */
    Optional<Entry> cached(long id) {
        var e = entries.get(id);
        return isFresh(e, clock.millis()) ? Optional.of(e) : Optional.empty();
    }

    private static boolean isFresh(Entry e, long now) {
        return e != null && now - e.loadedMillis < TTL_MILLIS && now >= e.loadedMillis;
    }

    @Override
    public void on(ArticleEvent event) {
        forget(event.id());
    }

    /** The next lookup of {@code id} reads the database again. */
    void forget(long id) {
        entries.remove(id);
    }
}
