package kiji.ranking;

import java.util.ArrayList;
import kiji.site.RankingWidget;

/** The sidebar's three lists (24時間 / 1週間 / 1ヶ月, ten each), from cached rankings. */
final class RankingWidgets {
    static final int ITEMS = 10;

    private RankingWidgets() {}

    static RankingWidget of(RankingCache cache) {
        var tabs = new ArrayList<RankingWidget.Tab>();
        for (var w : new RankingWindow[] {RankingWindow.DAY, RankingWindow.WEEK, RankingWindow.MONTH}) {
            var items = cache.get(RankingQuery.now(w, ITEMS)).items().stream()
                    .map(i -> new RankingWidget.Item(i.rank(), i.articleId(), i.title(), i.url(), i.views()))
                    .toList();
            tabs.add(new RankingWidget.Tab(w.key(), w.label(), items));
        }
        return new RankingWidget(tabs);
    }
}
