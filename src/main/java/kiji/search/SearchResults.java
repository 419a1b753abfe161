package kiji.search;

import java.time.Instant;
import java.util.List;
import kiji.article.Category;

/**
 * One page of hits and the number of matching public articles. The total is exact when
 * {@code totalIsLowerBound} is false; when true there are at least {@code total} matches (Kiji
 * counts exactly up to 1,000 hits, or to the end of the page asked for when that is deeper).
 */
public record SearchResults(long total, boolean totalIsLowerBound, List<Hit> items, int page, int size) {
    public SearchResults {
        items = List.copyOf(items);
    }

    public static SearchResults empty(SearchRequest r) {
        return new SearchResults(0, false, List.of(), r.page(), r.size());
    }

    /** Pages a reader can reach; past a lower-bound total there is always one more to try. */
    public int pageCount() {
        long pages = (total + size - 1) / size + (totalIsLowerBound ? 1 : 0);
        return (int) Math.max(1, Math.min(pages, SearchRequest.MAX_WINDOW / size));
    }

    /**
     * A hit. {@code titleHtml} (the whole title) and {@code snippetHtml} are safe to write
     * unescaped: every piece of article text in them is HTML-escaped and the only markup is
     * {@code <mark>} (see {@link MarkedSnippet}); {@code title} is the plain text.
     */
    public record Hit(long articleId, String title, String titleHtml, Instant publishedAt, Category category,
                      String snippetHtml) {}
}
