package kiji.ranking;

import java.time.Instant;
import java.util.List;

/** A computed ranking: the window, the instant it was taken at, the buckets it covers, the items. */
public record RankingResult(RankingWindow window, Instant at, Instant from, Instant to, List<Item> items) {
    public RankingResult {
        items = List.copyOf(items);
    }

    /** One ranked article; {@code url} is its canonical path. */
    public record Item(int rank, long articleId, String title, String url, Instant publishedAt, long views,
                       String categorySlug) {}
}
