package kiji.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import kiji.article.ArticleDraft;
import kiji.article.ArticleService;
import kiji.article.ArticleStore;
import kiji.article.CategoryStore;
import kiji.article.MarkdownRenderer;
import kiji.article.Status;
import kiji.storage.Database;
import kiji.testing.TestDatabases.Engine;

/** Kiji's article stores and service over a fresh database of either engine, without a web server. */
public final class TestStores implements AutoCloseable {
    public final Database db;
    public final MutableClock clock;
    public final CategoryStore categories;
    public final ArticleStore articles;
    public final ArticleService service;

    private TestStores(Database db, MutableClock clock) {
        this.db = db;
        this.clock = clock;
        this.categories = new CategoryStore(db.jdbi());
        this.articles = new ArticleStore(db.jdbi(), db.dialect());
        this.service = new ArticleService(articles, categories, new MarkdownRenderer(), clock);
    }

    public static TestStores open(Engine engine, Path dir, MutableClock clock) {
        return new TestStores(TestDatabases.open(engine, dir), clock);
    }

    /** A draft in {@code category} with the given status and time; no tags or authors. */
    public static ArticleDraft draft(String title, String category, Status status, Optional<java.time.Instant> at) {
        return new ArticleDraft(Optional.empty(), title, "", "本文", category, List.of(), List.of(), status, at);
    }

    /** Rows in a table, to see what a failed write left behind. */
    public long count(String table) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    @Override
    public void close() {
        db.close();
    }
}
