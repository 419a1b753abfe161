package kiji.newsroom;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import kiji.ranking.HourBucketStore;
import kiji.ranking.HourRange;
import kiji.ranking.RankingQuery;
import kiji.ranking.RankingResult;
import kiji.ranking.RankingWindow;

/**
 * What readers did with the articles, for the newsroom: counted views per hour (the ranking's
 * shared buckets, so bots and repeats are already left out), each article's place in the
 * ranking windows, and the current top lists. Windows follow the ranking's rule: W at instant T
 * is the W/1h clock-hour buckets ending with the bucket containing T.
 */
public final class Readership implements ArticleViews {
    /**
     * How deep an article's rank is looked up. The public API ranks at most 100 ({@link
     * RankingQuery#MAX_LIMIT}); below that the article is shown as 圏外 (out of the ranking), with its count.
     */
    public static final int RANK_DEPTH = RankingQuery.MAX_LIMIT;

    /** The three windows an article's page shows, as the public widget's tabs. */
    static final List<RankingWindow> STANDING_WINDOWS = List.of(RankingWindow.DAY, RankingWindow.WEEK,
            RankingWindow.MONTH);

    private final HourBucketStore buckets;
    private final Function<RankingQuery, RankingResult> rankings;
    private final Clock clock;

    /** @param rankings the ranking feature's cached rankings ({@code RankingFeature::top}) */
    public Readership(HourBucketStore buckets, Function<RankingQuery, RankingResult> rankings, Clock clock) {
        this.buckets = buckets;
        this.rankings = rankings;
        this.clock = clock;
    }

    /** An article's counted views in one window, with its rank when it is in the top {@link #RANK_DEPTH}. */
    public record Standing(RankingWindow window, long views, Optional<Integer> rank) {
        public String rankLabel() {
            return rank.map(r -> r + "位").orElse("圏外");
        }
    }

    @Override
    public long views24h(long articleId) {
        return views(articleId, RankingWindow.DAY);
    }

    long views(long articleId, RankingWindow window) {
        return buckets.series(articleId, window.rangeAt(clock.instant())).values().stream()
                .mapToLong(Long::longValue).sum();
    }

    /** Views per hour over the last seven days (168 buckets ending with the current hour); index 0 is the oldest. */
    HourlyViews lastWeek(long articleId) {
        HourRange range = RankingWindow.WEEK.rangeAt(clock.instant());
        var series = buckets.series(articleId, range);
        long[] views = new long[range.hours()];
        for (int i = 0; i < views.length; i++) views[i] = series.getOrDefault(range.fromHour() + i, 0L);
        return new HourlyViews(range.from(), views);
    }

    List<Standing> standings(long articleId) {
        return STANDING_WINDOWS.stream().map(w -> {
            var rank = top(w, RANK_DEPTH).items().stream().filter(i -> i.articleId() == articleId)
                    .map(RankingResult.Item::rank).findFirst();
            return new Standing(w, views(articleId, w), rank);
        }).toList();
    }

    RankingResult top(RankingWindow window, int limit) {
        return rankings.apply(RankingQuery.now(window, limit));
    }
}
