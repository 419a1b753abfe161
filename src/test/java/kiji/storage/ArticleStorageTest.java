package kiji.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kiji.article.ArticleDraft;
import kiji.article.ArticleFilter;
import kiji.article.ArticleService;
import kiji.article.ArticleStore;
import kiji.article.CategoryStore;
import kiji.article.MarkdownRenderer;
import kiji.article.PageRequest;
import kiji.article.Status;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases;
import kiji.testing.TestDatabases.Engine;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The storage layer on both engines Kiji supports. */
class ArticleStorageTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void explicit_ids_are_kept_and_generated_ids_follow_them(Engine engine) {
        try (var db = TestDatabases.open(engine, dir)) {
            var clock = MutableClock.at("2024-10-21T01:58:00Z");
            var categories = new CategoryStore(db.jdbi());
            var store = new ArticleStore(db.jdbi(), db.dialect());
            var service = new ArticleService(store, categories, new MarkdownRenderer(), clock);
            service.createCategory("japan-defense", "日本の防衛", "mod");
            var imported = service.create(draft(Optional.of(1922L), "取り込んだ記事"));
            var next = service.create(draft(Optional.empty(), "新しい記事"));
            assertThat(imported.id()).isEqualTo(1922L);
            assertThat(next.id()).isGreaterThan(1922L);
            assertThat(next.tags()).containsExactly("NATO", "会談");
            var page = store.list(ArticleFilter.tag("NATO"), new PageRequest(1, 10), Optional.of(clock.instant()));
            assertThat(page.total()).isEqualTo(2);
            assertThat(page.items().get(0).publishedAt()).contains(Instant.parse("2024-10-21T01:58:00Z"));
        }
    }

    private static ArticleDraft draft(Optional<Long> id, String title) {
        return new ArticleDraft(id, title, "", "本文", "japan-defense", List.of("NATO", "会談"), List.of("編集部"),
                Status.PUBLISHED, Optional.empty());
    }
}
