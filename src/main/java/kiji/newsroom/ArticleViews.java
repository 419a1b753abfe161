package kiji.newsroom;

/**
 * How many times readers viewed an article in the last 24 hours, for the newsroom's list. The
 * ranking feature (kiji.ranking) provides the real numbers; until it is wired, {@link #NONE}.
 */
@FunctionalInterface
public interface ArticleViews {
    long views24h(long articleId);

    /** Counts nothing: every article shows 0. */
    ArticleViews NONE = id -> 0;
}
