package kiji.search;

import java.time.Instant;
import java.util.List;
import kiji.article.Category;

/** One page of hits and the total number of matching public articles. */
public record SearchResults(long total, List<Hit> items, int page, int size) {
    public SearchResults {
        items = List.copyOf(items);
    }

    public static SearchResults empty(SearchRequest r) {
        return new SearchResults(0, List.of(), r.page(), r.size());
    }

    public int pageCount() {
        return (int) Math.max(1, Math.min((total + size - 1) / size, SearchRequest.MAX_WINDOW / size));
    }

    /**
     * A hit. {@code snippetHtml} is safe to write unescaped: every piece of article text in it is
     * HTML-escaped and the only markup is {@code <mark>} (see {@link MarkedSnippet}).
     */
    public record Hit(long articleId, String title, Instant publishedAt, Category category, String snippetHtml) {}
}
