package kiji.newsroom;

import java.util.List;
import kiji.ranking.RankingResult;

/** View models of the analytics pages, ready for the templates. */
public final class AnalyticsView {
    private AnalyticsView() {}

    /** One article's numbers: its seven-day chart and its standing in each ranking window. */
    public record ArticlePage(long id, String title, String stateLabel, String url, boolean canEdit, ViewChart chart,
                              List<Readership.Standing> standings) {}

    /** One top list: the window's key and name, the span it covers in JST, its items. */
    public record TopList(String key, String label, String span, List<RankingResult.Item> items) {}
}
