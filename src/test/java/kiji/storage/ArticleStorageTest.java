package kiji.storage;

import static kiji.testing.TestStores.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kiji.article.Article;
import kiji.article.ArticleDraft;
import kiji.article.ArticleFilter;
import kiji.article.ConflictException;
import kiji.article.PageRequest;
import kiji.article.Status;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases.Engine;
import kiji.testing.TestStores;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The storage layer on both engines Kiji supports: the same tests, SQLite and PostgreSQL. */
class ArticleStorageTest {
    static final Instant NOW = Instant.parse("2024-10-21T01:58:00Z");

    @TempDir
    Path dir;

    private TestStores open(Engine engine) {
        var s = TestStores.open(engine, dir, new MutableClock(NOW));
        s.service.createCategory("japan-defense", "日本の防衛", "mod");
        s.service.createCategory("personnel", "人事発令", "jinji");
        return s;
    }

    private static ArticleDraft full(Optional<Long> id, String title, List<String> tags, List<String> authors) {
        return new ArticleDraft(id, title, "リード", "本文", "japan-defense", tags, authors, Status.PUBLISHED,
                Optional.of(NOW.minusSeconds(60)));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void categories_are_listed_in_the_order_they_were_added(Engine engine) {
        try (var s = open(engine)) {
            s.service.createCategory("world", "国際・同盟", "world");
            assertThat(s.categories.all()).extracting(c -> c.slug() + "/" + c.name() + "/" + c.section())
                    .containsExactly("japan-defense/日本の防衛/mod", "personnel/人事発令/jinji", "world/国際・同盟/world");
            assertThat(s.categories.findBySlug("personnel")).get().extracting(c -> c.section()).isEqualTo("jinji");
            assertThat(s.categories.findBySlug("nothing")).isEmpty();
            assertThatThrownBy(() -> s.categories.create("world", "別名", "other")).isInstanceOf(ConflictException.class);
            assertThat(s.categories.all()).hasSize(3);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void the_store_is_empty_until_an_article_of_any_state_is_stored(Engine engine) {
        try (var s = open(engine)) {
            assertThat(s.articles.isEmpty()).isTrue(); // categories alone do not count
            var draft = new ArticleDraft(Optional.empty(), "下書き", "リード", "本文", "japan-defense", List.of(), List.of(),
                    Status.DRAFT, Optional.empty());
            var a = s.service.create(draft);
            assertThat(s.articles.isEmpty()).isFalse();
            s.articles.delete(a.id());
            assertThat(s.articles.isEmpty()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void an_article_keeps_every_field_and_its_tags_and_authors_in_the_order_given(Engine engine) {
        try (var s = open(engine)) {
            var created = s.service.create(full(Optional.empty(), "会談", List.of("NATO", "会談", "IP4"),
                    List.of("山田", "Kiji編集部")));
            var found = s.articles.find(created.id()).orElseThrow();
            assertThat(found).isEqualTo(created);
            assertThat(found.title()).isEqualTo("会談");
            assertThat(found.lead()).isEqualTo("リード");
            assertThat(found.bodyHtml()).isEqualTo("<p>本文</p>\n");
            assertThat(found.category().slug()).isEqualTo("japan-defense");
            assertThat(found.tags()).containsExactly("NATO", "会談", "IP4");
            assertThat(found.authors()).containsExactly("山田", "Kiji編集部");
            assertThat(found.publishedAt()).contains(NOW.minusSeconds(60));
            assertThat(found.createdAt()).isEqualTo(NOW);
            assertThat(found.updatedAt()).isEqualTo(NOW);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void updating_an_article_replaces_its_fields_tags_and_authors(Engine engine) {
        try (var s = open(engine)) {
            var a = s.service.create(full(Optional.empty(), "旧", List.of("A", "B", "C"), List.of("X", "Y")));
            s.clock.advance(Duration.ofMinutes(5));
            var changed = new ArticleDraft(Optional.empty(), "新", "", "新本文", "personnel", List.of("C", "D", "A"),
                    List.of("Y"), Status.DRAFT, Optional.empty());
            var updated = s.service.update(a.id(), changed).orElseThrow();
            assertThat(updated.title()).isEqualTo("新");
            assertThat(updated.category().slug()).isEqualTo("personnel");
            assertThat(updated.tags()).containsExactly("C", "D", "A");
            assertThat(updated.authors()).containsExactly("Y");
            assertThat(updated.status()).isEqualTo(Status.DRAFT);
            assertThat(updated.publishedAt()).isEmpty();
            assertThat(updated.createdAt()).isEqualTo(NOW);
            assertThat(updated.updatedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
            assertThat(s.articles.find(a.id())).contains(updated);
            assertThat(s.count("article_tag")).isEqualTo(3);
            assertThat(s.service.update(a.id() + 100, changed)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void write_listeners_run_inside_the_articles_transaction_and_a_failing_one_rolls_the_write_back(Engine engine) {
        try (var s = open(engine)) {
            var seen = new java.util.ArrayList<String>();
            s.articles.addWriteListener((h, id) -> seen.add(id + ":" + h.isInTransaction()));
            var a = s.service.create(full(Optional.empty(), "記事", List.of(), List.of()));
            s.service.update(a.id(), full(Optional.empty(), "改題", List.of(), List.of()));
            s.service.delete(a.id());
            s.service.delete(a.id()); // nothing deleted: no listener call
            assertThat(seen).containsExactly(a.id() + ":true", a.id() + ":true", a.id() + ":true");

            var b = s.service.create(full(Optional.empty(), "残る", List.of("A"), List.of()));
            s.articles.addWriteListener((h, id) -> {
                throw new IllegalStateException("search_change unavailable");
            });
            assertThatThrownBy(() -> s.service.create(full(Optional.empty(), "新規", List.of("B"), List.of())))
                    .hasMessageContaining("search_change unavailable");
            assertThatThrownBy(() -> s.service.update(b.id(), full(Optional.empty(), "改題", List.of(), List.of())))
                    .hasMessageContaining("search_change unavailable");
            assertThatThrownBy(() -> s.service.delete(b.id())).hasMessageContaining("search_change unavailable");
            // nothing half-written: the article, its title and its tag are as before
            assertThat(s.count("article")).isEqualTo(1);
            assertThat(s.articles.find(b.id()).orElseThrow().title()).isEqualTo("残る");
            assertThat(s.articles.find(b.id()).orElseThrow().tags()).containsExactly("A");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void deleting_an_article_removes_its_tag_and_author_links(Engine engine) {
        try (var s = open(engine)) {
            var a = s.service.create(full(Optional.empty(), "消す", List.of("A", "B"), List.of("X")));
            var kept = s.service.create(full(Optional.empty(), "残す", List.of("A"), List.of("X")));
            assertThat(s.service.delete(a.id())).isTrue();
            assertThat(s.service.delete(a.id())).isFalse();
            assertThat(s.articles.find(a.id())).isEmpty();
            assertThat(s.count("article_tag")).isEqualTo(1);
            assertThat(s.count("article_author")).isEqualTo(1);
            assertThat(s.articles.find(kept.id()).orElseThrow().tags()).containsExactly("A");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void explicit_ids_are_kept_and_generated_ids_follow_them(Engine engine) {
        try (var s = open(engine)) {
            var first = s.service.create(full(Optional.empty(), "最初", List.of(), List.of()));
            var imported = s.service.create(full(Optional.of(1922L), "取り込んだ記事", List.of(), List.of()));
            var older = s.service.create(full(Optional.of(1500L), "もっと古い記事", List.of(), List.of()));
            var next = s.service.create(full(Optional.empty(), "新しい記事", List.of(), List.of()));
            assertThat(first.id()).isEqualTo(1L);
            assertThat(imported.id()).isEqualTo(1922L);
            assertThat(older.id()).isEqualTo(1500L);
            assertThat(next.id()).isEqualTo(1923L);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void storing_an_existing_id_again_is_a_conflict(Engine engine) {
        try (var s = open(engine)) {
            s.service.create(full(Optional.of(7L), "一つ目", List.of("A"), List.of()));
            assertThatThrownBy(() -> s.service.create(full(Optional.of(7L), "二つ目", List.of("B"), List.of())))
                    .isInstanceOf(ConflictException.class);
            // the store itself refuses too (two imports racing past the service's check)
            var d = s.service.create(full(Optional.empty(), "三つ目", List.of(), List.of()));
            assertThatThrownBy(() -> s.articles.insert(full(Optional.of(7L), "競合", List.of("C"), List.of()), "",
                            d.category(), NOW))
                    .isInstanceOf(ConflictException.class);
            assertThat(s.articles.find(7L).orElseThrow().title()).isEqualTo("一つ目");
            assertThat(s.count("article")).isEqualTo(2);
            assertThat(s.count("article_tag")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void a_failure_in_the_middle_of_a_write_leaves_nothing_half_stored(Engine engine) {
        try (var s = open(engine)) {
            refuseTagNamed(s, "壊れたタグ");
            var before = s.service.create(full(Optional.empty(), "元の記事", List.of("A"), List.of("X")));
            assertThatThrownBy(() -> s.service.create(full(Optional.empty(), "途中で失敗", List.of("B", "壊れたタグ"),
                            List.of("Y"))))
                    .isInstanceOf(RuntimeException.class);
            assertThat(s.count("article")).isEqualTo(1);
            assertThat(s.count("article_tag")).isEqualTo(1);
            assertThat(s.count("article_author")).isEqualTo(1);

            assertThatThrownBy(() -> s.service.update(before.id(), full(Optional.empty(), "書き換え失敗",
                            List.of("壊れたタグ"), List.of()))).isInstanceOf(RuntimeException.class);
            assertThat(s.articles.find(before.id())).contains(before);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void listings_filter_by_category_tag_author_and_status(Engine engine) {
        try (var s = open(engine)) {
            s.service.create(full(Optional.empty(), "防衛1", List.of("NATO"), List.of("山田")));
            s.service.create(full(Optional.empty(), "防衛2", List.of("会談"), List.of("佐藤")));
            s.service.create(new ArticleDraft(Optional.empty(), "人事", "", "本文", "personnel", List.of("NATO"),
                    List.of("佐藤"), Status.PUBLISHED, Optional.of(NOW.minusSeconds(30))));
            s.service.create(new ArticleDraft(Optional.empty(), "下書き", "", "本文", "personnel", List.of("NATO"),
                    List.of("山田"), Status.DRAFT, Optional.empty()));
            assertThat(titles(s, new ArticleFilter(Optional.of("japan-defense"), Optional.empty(), Optional.empty(),
                    Optional.empty()))).containsExactlyInAnyOrder("防衛1", "防衛2");
            assertThat(titles(s, ArticleFilter.tag("NATO"))).containsExactlyInAnyOrder("防衛1", "人事", "下書き");
            assertThat(titles(s, ArticleFilter.author("佐藤"))).containsExactlyInAnyOrder("防衛2", "人事");
            assertThat(titles(s, new ArticleFilter(Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(Status.DRAFT)))).containsExactly("下書き");
            assertThat(titles(s, new ArticleFilter(Optional.of("personnel"), Optional.of("NATO"), Optional.of("佐藤"),
                    Optional.empty()))).containsExactly("人事");
            assertThat(titles(s, ArticleFilter.tag("ない"))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void listings_are_newest_first_in_pages_with_the_total(Engine engine) {
        try (var s = open(engine)) {
            for (int i = 1; i <= 7; i++) {
                s.service.create(new ArticleDraft(Optional.empty(), "記事" + i, "", "本文", "japan-defense", List.of(),
                        List.of(), Status.PUBLISHED, Optional.of(NOW.minus(Duration.ofHours(10 - i)))));
            }
            var first = s.articles.list(ArticleFilter.all(), new PageRequest(1, 3), Optional.of(NOW));
            var third = s.articles.list(ArticleFilter.all(), new PageRequest(3, 3), Optional.of(NOW));
            var beyond = s.articles.list(ArticleFilter.all(), new PageRequest(4, 3), Optional.of(NOW));
            assertThat(first.items()).extracting(Article::title).containsExactly("記事7", "記事6", "記事5");
            assertThat(third.items()).extracting(Article::title).containsExactly("記事1");
            assertThat(beyond.items()).isEmpty();
            assertThat(first.total()).isEqualTo(7);
            assertThat(first.pageCount()).isEqualTo(3);
            assertThat(first.hasNext()).isTrue();
            assertThat(third.hasNext()).isFalse();
            assertThat(beyond.total()).isEqualTo(7);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void headlines_list_the_same_articles_without_their_bodies(Engine engine) {
        try (var s = open(engine)) {
            s.service.create(full(Optional.empty(), "防衛大臣の会見", List.of("会見"), List.of("佐藤")));
            s.service.create(draft("下書き", "japan-defense", Status.DRAFT, Optional.of(NOW.minusSeconds(9))));
            s.service.create(draft("人事発令", "personnel", Status.PUBLISHED, Optional.of(NOW.minusSeconds(30))));
            for (var filter : List.of(ArticleFilter.all(), ArticleFilter.category("personnel"), ArticleFilter.tag("会見"))) {
                var full = s.articles.list(filter, new PageRequest(1, 10), Optional.of(NOW));
                var headlines = s.articles.listHeadlines(filter, new PageRequest(1, 10), Optional.of(NOW));
                assertThat(headlines.total()).isEqualTo(full.total());
                assertThat(headlines.items()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("body", "bodyHtml")
                        .containsExactlyElementsOf(full.items());
                assertThat(full.items()).allSatisfy(a -> assertThat(a.bodyHtml()).isNotEmpty());
                assertThat(headlines.items()).allSatisfy(a -> {
                    assertThat(a.body()).isEmpty();
                    assertThat(a.bodyHtml()).isEmpty();
                });
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void readers_see_published_and_due_scheduled_articles_only(Engine engine) {
        try (var s = open(engine)) {
            var published = s.service.create(draft("公開", "japan-defense", Status.PUBLISHED, Optional.of(NOW)));
            var draft = s.service.create(draft("下書き", "japan-defense", Status.DRAFT, Optional.of(NOW.minusSeconds(9))));
            var scheduled = s.service.create(draft("予約", "japan-defense", Status.SCHEDULED,
                    Optional.of(NOW.plus(Duration.ofHours(1)))));
            var futurePublished = s.service.create(draft("未来の公開", "japan-defense", Status.PUBLISHED,
                    Optional.of(NOW.plus(Duration.ofHours(2)))));

            assertThat(publicTitles(s, NOW)).containsExactly("公開");
            assertThat(s.articles.findPublic(published.id(), NOW)).isPresent();
            assertThat(s.articles.findPublic(draft.id(), NOW)).isEmpty();
            assertThat(s.articles.findPublic(scheduled.id(), NOW)).isEmpty();
            assertThat(s.articles.findPublic(futurePublished.id(), NOW)).isEmpty();

            var inAnHour = NOW.plus(Duration.ofHours(1));
            assertThat(publicTitles(s, inAnHour)).containsExactly("予約", "公開");
            assertThat(s.articles.findPublic(scheduled.id(), inAnHour)).isPresent();
            assertThat(s.articles.findPublic(futurePublished.id(), inAnHour)).isEmpty();

            var later = NOW.plus(Duration.ofDays(1));
            assertThat(publicTitles(s, later)).containsExactly("未来の公開", "予約", "公開");
            assertThat(s.articles.findPublic(draft.id(), later)).isEmpty();
            // the newsroom's listing sees every article
            assertThat(s.articles.list(ArticleFilter.all(), new PageRequest(1, 10), Optional.empty()).total())
                    .isEqualTo(4);
        }
    }

    private static List<String> titles(TestStores s, ArticleFilter f) {
        return s.articles.list(f, new PageRequest(1, 50), Optional.empty()).items().stream().map(Article::title).toList();
    }

    private static List<String> publicTitles(TestStores s, Instant at) {
        return s.articles.list(ArticleFilter.all(), new PageRequest(1, 50), Optional.of(at)).items().stream()
                .map(Article::title).toList();
    }

    /** Makes the database refuse one tag name, so a write fails after the article row is in. */
    static void refuseTagNamed(TestStores s, String name) {
        s.db.jdbi().useHandle(h -> {
            if (s.db.dialect() == Dialect.SQLITE) {
                h.execute("CREATE TRIGGER refuse_tag BEFORE INSERT ON tag WHEN NEW.name = '" + name
                        + "' BEGIN SELECT RAISE(ABORT, 'tag refused by the test'); END");
            } else {
                h.execute("ALTER TABLE tag ADD CONSTRAINT refuse_tag CHECK (name <> '" + name + "')");
            }
        });
    }
}
