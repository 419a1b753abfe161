package kiji.cli;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import kiji.app.Kiji;
import kiji.article.ArticleStore;
import kiji.article.CategoryStore;
import kiji.article.Permalinks;
import kiji.article.TokyoTime;
import kiji.ranking.HourBucketStore;
import kiji.ranking.Ranking;
import kiji.ranking.RankingQuery;
import kiji.ranking.RankingWindow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kiji ranking --window 24h}: the most-read ranking as a table, from the shared buckets. */
@Command(name = "ranking", mixinStandardHelpOptions = true,
        description = "Print the most-read ranking (the same as GET /api/ranking) as a table.")
final class RankingCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Option(names = "--window", defaultValue = "24h", description = "1h, 24h, 7d or 30d. Default: ${DEFAULT-VALUE}")
    String window;

    @Option(names = "--at", paramLabel = "INSTANT", description = "ISO-8601 instant, e.g. 2024-10-21T01:58:00Z. Default: now")
    String at;

    @Option(names = "--category", paramLabel = "SLUG", description = "only this category")
    String category;

    @Option(names = "--limit", defaultValue = "10", description = "1..100. Default: ${DEFAULT-VALUE}")
    int limit;

    @Override
    public Integer call() {
        var w = RankingWindow.parse(window)
                .orElseThrow(() -> new CliException(2, "--window must be one of 1h, 24h, 7d, 30d, not " + window));
        if (limit < 1 || limit > RankingQuery.MAX_LIMIT) throw new CliException(2, "--limit must be 1..100");
        Optional<java.time.Instant> instant = Optional.empty();
        if (at != null) {
            try {
                instant = Optional.of(java.time.OffsetDateTime.parse(at).toInstant());
            } catch (java.time.format.DateTimeParseException e) {
                throw new CliException(2, "--at must be an ISO-8601 instant, e.g. 2024-10-21T01:58:00Z");
            }
        }
        var config = data.config("127.0.0.1", 0, false);
        try (var db = Kiji.openDatabase(config)) {
            if (category != null && new CategoryStore(db.jdbi()).findBySlug(category).isEmpty()) {
                throw new CliException(2, "--category: no such category: " + category);
            }
            var ranking = Ranking.fromDatabase(new HourBucketStore(db.jdbi()), new ArticleStore(db.jdbi(), db.dialect()),
                    new Permalinks(config.permalinkPattern()), Clock.systemUTC());
            var result = ranking.compute(new RankingQuery(w, instant, Optional.ofNullable(category), limit));
            System.out.printf("読まれている記事 %s (%s 〜 %s JST)%n", w.label(), TokyoTime.stamp(result.from()),
                    TokyoTime.stamp(result.to()));
            System.out.printf("%4s  %8s  %9s  %-16s  %s%n", "順位", "閲覧数", "ID", "公開日時", "タイトル");
            for (var i : result.items()) {
                System.out.printf("%4d  %,9d  %9d  %-16s  %s%n", i.rank(), i.views(), i.articleId(),
                        TokyoTime.stamp(i.publishedAt()), i.title());
            }
            if (result.items().isEmpty()) System.out.println("(この期間の閲覧はまだありません)");
        }
        return 0;
    }
}
