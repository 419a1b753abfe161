package kiji.search;

import java.time.Instant;
import kiji.article.Article;

/**
 * Full-text search over articles: the seam where the engine could change (Lucene today). Kept in
 * step with publishing by {@link SearchIndexer}; only articles public at {@code now} are returned.
 */
public interface SearchIndex extends AutoCloseable {
    /** Adds or replaces an article; drafts are removed, since readers never see them. */
    void put(Article article);

    void remove(long articleId);

    /** Reader-facing search: never throws for anything a reader can type. */
    SearchResults search(SearchRequest request, Instant now);

    /** Rebuilds everything from the database while searches keep answering from the old index. */
    void rebuild(ArticleSource source);

    /** Documents in the index (public or not yet due). */
    long size();

    @Override
    void close();
}
