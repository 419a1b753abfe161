package kiji.search;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What a reader asked: the query text in reader syntax (see {@link ReaderQuery}), an optional
 * category slug, an optional date range in JST (both ends inclusive), the order and the page.
 */
public record SearchRequest(
        String text, Optional<String> category, Optional<LocalDate> from, Optional<LocalDate> to, Order order,
        int page, int size) {
    public static final int MAX_QUERY = 500;
    public static final int MAX_SIZE = 50;
    /** Deep pages cost memory for every hit before them; ten thousand is more than anyone reads. */
    public static final int MAX_WINDOW = 10_000;

    public enum Order {
        RELEVANCE,
        DATE
    }

    public SearchRequest {
        if (text == null) throw new IllegalArgumentException("q is required");
        if (text.codePointCount(0, text.length()) > MAX_QUERY) {
            throw new IllegalArgumentException("q must be at most " + MAX_QUERY + " characters");
        }
        if (size < 1 || size > MAX_SIZE) throw new IllegalArgumentException("size must be 1.." + MAX_SIZE);
        if (page < 1 || (long) page * size > MAX_WINDOW) {
            throw new IllegalArgumentException("page must be 1.." + MAX_WINDOW / size + " for size " + size);
        }
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new IllegalArgumentException("from must not be after to");
        }
    }

    public static SearchRequest of(String text) {
        return new SearchRequest(text, Optional.empty(), Optional.empty(), Optional.empty(), Order.RELEVANCE, 1, 10);
    }

    public int offset() {
        return (page - 1) * size;
    }
}
