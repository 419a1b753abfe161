package kiji.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kiji.article.ArticleDraft;
import kiji.article.ArticleService;
import kiji.article.ArticleStore;
import kiji.article.CategoryStore;
import kiji.article.MarkdownRenderer;
import kiji.article.Status;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases;
import kiji.testing.TestDatabases.Engine;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The rebuild's walk over the database, on both engines. */
class StoredArticlesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void walk_visits_every_indexable_article_once_across_batches_and_count_agrees(Engine engine) {
        try (var db = TestDatabases.open(engine, dir)) {
            var clock = MutableClock.at("2024-10-21T01:58:00Z");
            var store = new ArticleStore(db.jdbi(), db.dialect());
            var service = new ArticleService(store, new CategoryStore(db.jdbi()), new MarkdownRenderer(), clock);
            service.createCategory("japan-defense", "日本の防衛", "mod");
            for (int i = 1; i <= 5; i++) service.create(draft("公開 " + i, Status.PUBLISHED, Optional.empty()));
            service.create(draft("下書き", Status.DRAFT, Optional.empty()));
            service.create(draft("予約", Status.SCHEDULED, Optional.of(clock.instant().plus(Duration.ofDays(1)))));

            var source = new StoredArticles(store, 2);
            var seen = new ArrayList<String>();
            source.forEach(a -> {
                seen.add(a.title());
                assertThat(a.bodyHtml()).contains("本文");
            });
            assertThat(seen).containsExactly("公開 1", "公開 2", "公開 3", "公開 4", "公開 5", "予約");
            assertThat(source.count()).isEqualTo(6);
        }
    }

    private static ArticleDraft draft(String title, Status status, Optional<java.time.Instant> at) {
        return new ArticleDraft(Optional.empty(), title, "", "本文", "japan-defense", List.of(), List.of(), status, at);
    }
}
