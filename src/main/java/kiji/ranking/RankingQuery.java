package kiji.ranking;

import java.time.Instant;
import java.util.Optional;

/** What to rank: a window at an instant (empty = now), optionally one category, top {@code limit}. */
public record RankingQuery(RankingWindow window, Optional<Instant> at, Optional<String> category, int limit) {
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 10;

    public RankingQuery {
        if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
    }

    public static RankingQuery now(RankingWindow window, int limit) {
        return new RankingQuery(window, Optional.empty(), Optional.empty(), limit);
    }
}
