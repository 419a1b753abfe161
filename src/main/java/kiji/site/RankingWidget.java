package kiji.site;

import java.util.List;
import java.util.Optional;

/**
 * The sidebar's most-read lists (読まれている記事), one tab per window. The ranking feature
 * fills it; until it does, the sidebar shows the tabs with nothing in them.
 */
public record RankingWidget(List<Tab> tabs) {
    public record Tab(String key, String label, List<Item> items) {}

    public record Item(int rank, long articleId, String title, String url, long views) {}

    public static RankingWidget empty() {
        return new RankingWidget(List.of(
                new Tab("24h", "24時間", List.of()), new Tab("7d", "1週間", List.of()), new Tab("30d", "1ヶ月", List.of())));
    }

    /** Where pages get the widget from: the ranking feature implements it. */
    @FunctionalInterface
    public interface Source {
        RankingWidget widget();

        /**
         * The widget if it can be had from memory at once; empty when {@link #widget()} would
         * first recompute a ranking (which reads articles from the database). For callers on a
         * thread that must not block.
         */
        default Optional<RankingWidget> widgetWithoutWaiting() {
            return Optional.empty();
        }
    }
}
