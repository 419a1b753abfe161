package kiji.ranking;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import kiji.article.Article;
import kiji.article.ArticleStore;
import kiji.article.Permalinks;

/**
 * Computes a ranking from the shared buckets: sums the window (from this node's memory copy
 * when it holds the range, else from the database), then walks the articles from most viewed
 * down, keeping those readers may see, until the list is full and no tie is left undecided.
 * Ties: more recent {@code publishedAt} first, then the higher id.
 */
public final class Ranking {
    static final Comparator<Candidate> ORDER = Comparator.comparingLong(Candidate::views).reversed()
            .thenComparing((Candidate c) -> c.article.publishedAt().orElse(Instant.EPOCH), Comparator.reverseOrder())
            .thenComparing(c -> c.article.id(), Comparator.reverseOrder());

    private final HourBucketStore store;
    private final Optional<BucketMirror> mirror;
    private final ArticleStore articles;
    private final Permalinks permalinks;
    private final Clock clock;

    Ranking(HourBucketStore store, Optional<BucketMirror> mirror, ArticleStore articles, Permalinks permalinks,
            Clock clock) {
        this.store = store;
        this.mirror = mirror;
        this.articles = articles;
        this.permalinks = permalinks;
        this.clock = clock;
    }

    /** A ranking straight from the database, for the CLI. */
    public static Ranking fromDatabase(HourBucketStore store, ArticleStore articles, Permalinks permalinks, Clock clock) {
        return new Ranking(store, Optional.empty(), articles, permalinks, clock);
    }

    record Candidate(Article article, long views) {}

    public RankingResult compute(RankingQuery q) {
        Instant now = clock.instant();
        Instant at = q.at().orElse(now);
        // listed only if readers may see it now and could see it at `at`
        Instant visibleAt = at.isBefore(now) ? at : now;
        var range = q.window().rangeAt(at);
        var totals = mirror.flatMap(m -> m.totals(range)).orElseGet(() -> WindowTotals.of(store.totals(range)));
        int batch = Math.max(64, q.limit() * (q.category().isPresent() ? 8 : 2));
        int[] order = totals.top(batch * 4);
        boolean complete = order.length < batch * 4;
        var chosen = new ArrayList<Candidate>();
        int pos = 0;
        while (pos < order.length) {
            if (!complete && pos + batch >= order.length) {
                // more candidates needed than first selected (filters, ties): take them all
                order = totals.descending();
                complete = true;
            }
            int end = Math.min(order.length, pos + batch);
            var ids = new ArrayList<Long>(end - pos);
            for (int i = pos; i < end; i++) ids.add(totals.ids()[order[i]]);
            var found = new HashMap<Long, Article>();
            articles.findAll(ids).forEach(a -> found.put(a.id(), a));
            for (int i = pos; i < end; i++) {
                var a = found.get(totals.ids()[order[i]]);
                if (a == null || !a.isPublicAt(visibleAt)) continue;
                if (q.category().isPresent() && !q.category().get().equals(a.category().slug())) continue;
                chosen.add(new Candidate(a, totals.views()[order[i]]));
            }
            pos = end;
            // chosen is in descending views: stop once full, unless the next one ties the last place
            if (chosen.size() >= q.limit()
                    && (pos >= order.length || totals.views()[order[pos]] < chosen.get(q.limit() - 1).views())) {
                break;
            }
        }
        chosen.sort(ORDER);
        var items = new ArrayList<RankingResult.Item>();
        for (var c : chosen.subList(0, Math.min(q.limit(), chosen.size()))) {
            var a = c.article;
            items.add(new RankingResult.Item(items.size() + 1, a.id(), a.title(), permalinks.of(a),
                    a.publishedAt().orElseThrow(), c.views, a.category().slug()));
        }
        return new RankingResult(q.window(), at, range.from(), range.to(), items);
    }

    List<RankingWindow> widgetWindows() {
        return List.of(RankingWindow.DAY, RankingWindow.WEEK, RankingWindow.MONTH);
    }
}
