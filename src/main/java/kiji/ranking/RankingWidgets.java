package kiji.ranking;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import kiji.site.RankingWidget;

/**
 * The sidebar's three lists (24時間 / 1週間 / 1ヶ月, ten each), from cached rankings. Every page
 * request asks for the widget (the render cache compares it with the one its pages show), so
 * the widget is rebuilt only when one of the three cached rankings was recomputed.
 */
final class RankingWidgets {
    static final int ITEMS = 10;
    private static final RankingWindow[] WINDOWS = {RankingWindow.DAY, RankingWindow.WEEK, RankingWindow.MONTH};

    private final RankingCache cache;
    private final AtomicReference<Built> last = new AtomicReference<>();

    /** A widget and the cached results it was built from (compared by identity). */
    private record Built(List<RankingResult> from, RankingWidget widget) {}

    RankingWidgets(RankingCache cache) {
        this.cache = cache;
    }

    RankingWidget current() {
        var results = new ArrayList<RankingResult>(WINDOWS.length);
        for (var w : WINDOWS) results.add(cache.get(RankingQuery.now(w, ITEMS)));
        return widgetOf(results);
    }

    /** {@link #current()} if no ranking needs recomputing; empty otherwise. */
    Optional<RankingWidget> currentWithoutWaiting() {
        var results = new ArrayList<RankingResult>(WINDOWS.length);
        for (var w : WINDOWS) {
            var fresh = cache.fresh(RankingQuery.now(w, ITEMS));
            if (fresh.isEmpty()) return Optional.empty();
            results.add(fresh.get());
        }
        return Optional.of(widgetOf(results));
    }

    private RankingWidget widgetOf(List<RankingResult> results) {
        var built = last.get();
        if (built != null && sameInstances(built.from(), results)) return built.widget();
        var fresh = new Built(results, of(results));
        last.set(fresh);
        return fresh.widget();
    }

    private static boolean sameInstances(List<RankingResult> a, List<RankingResult> b) {
        for (int i = 0; i < a.size(); i++) if (a.get(i) != b.get(i)) return false;
        return true;
    }

    private static RankingWidget of(List<RankingResult> results) {
        var tabs = new ArrayList<RankingWidget.Tab>();
        for (int i = 0; i < WINDOWS.length; i++) {
            var items = results.get(i).items().stream()
                    .map(r -> new RankingWidget.Item(r.rank(), r.articleId(), r.title(), r.url(), r.views()))
                    .toList();
            tabs.add(new RankingWidget.Tab(WINDOWS[i].key(), WINDOWS[i].label(), items));
        }
        return new RankingWidget(List.copyOf(tabs));
    }
}
