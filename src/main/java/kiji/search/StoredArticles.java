package kiji.search;

import java.util.Optional;
import java.util.function.Consumer;
import kiji.article.Article;
import kiji.article.ArticleFilter;
import kiji.article.ArticleStore;
import kiji.article.PageRequest;
import kiji.article.Status;

/**
 * Every stored article, walked by id in batches, so a rebuild never holds the whole site in memory.
 * The articles come without their Markdown source: the index reads the rendered HTML.
 */
public final class StoredArticles implements ArticleSource {
    private final ArticleStore articles;
    private final int batch;

    public StoredArticles(ArticleStore articles) {
        this(articles, 500);
    }

    StoredArticles(ArticleStore articles, int batch) {
        this.articles = articles;
        this.batch = batch;
    }

    /** Articles the index should hold: not drafts, and with a publication time. */
    @Override
    public long count() {
        long n = 0;
        for (var status : new Status[] {Status.PUBLISHED, Status.SCHEDULED}) {
            var filter = new ArticleFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(status));
            n += articles.list(filter, new PageRequest(1, 1), Optional.empty()).total();
        }
        return n;
    }

    @Override
    public void forEach(Consumer<Article> each) {
        long after = 0;
        while (true) {
            var page = articles.listRenderedAfter(after, batch);
            for (var a : page) {
                if (LuceneSearchIndex.indexable(a)) each.accept(a);
            }
            if (page.size() < batch) return;
            after = page.getLast().id();
        }
    }
}
