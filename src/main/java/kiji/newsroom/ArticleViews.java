package kiji.newsroom;

/**
 * How many times readers viewed an article in the last 24 hours (the ranking's 24h window), for
 * the newsroom's list; {@link Readership} provides the counted views.
 */
@FunctionalInterface
public interface ArticleViews {
    long views24h(long articleId);
}
