package kiji.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import kiji.article.ConflictException;
import kiji.article.MarkdownRenderer;
import kiji.article.Permalinks;
import kiji.article.ValidationException;
import kiji.storage.Database;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases;
import kiji.testing.TestDatabases.Engine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Fixed pages in the database, on SQLite and PostgreSQL: paths are unique, upserts keep ids, bodies are sanitized. */
class FixedPageStorageTest {
    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at("2024-10-21T01:58:00Z");
    final AtomicInteger changes = new AtomicInteger();
    Database db;
    FixedPageService pages;

    @AfterEach
    void close() {
        if (db != null) db.close();
    }

    private void open(Engine engine) {
        db = TestDatabases.open(engine, dir);
        pages = new FixedPageService(new FixedPageStore(db.jdbi()), new PagePath(new Permalinks(Permalinks.DEFAULT_PATTERN)),
                new MarkdownRenderer(), clock);
        pages.addListener(changes::incrementAndGet);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void a_page_is_stored_rendered_found_by_path_updated_and_deleted(Engine engine) {
        open(engine);
        var created = pages.create(FixedPageDraft.markdown("/about", " 会社概要 ", "## 所在地\n\n東京都", PageStatus.PUBLISHED));
        assertThat(created.path()).isEqualTo("/about/");
        assertThat(created.title()).isEqualTo("会社概要");
        assertThat(created.bodyHtml()).contains("<h2>所在地</h2>").contains("<p>東京都</p>");
        assertThat(created.createdAt()).isEqualTo(clock.instant());
        assertThat(pages.findPublished("/about/")).contains(created);
        assertThat(changes).hasValue(1);

        clock.advance(Duration.ofMinutes(5));
        var updated = pages.update(created.id(), FixedPageDraft.markdown("/company/about/", "会社概要（改）", "本文",
                PageStatus.DRAFT)).orElseThrow();
        assertThat(updated.path()).isEqualTo("/company/about/");
        assertThat(updated.updatedAt()).isEqualTo(clock.instant());
        assertThat(updated.createdAt()).isEqualTo(created.createdAt());
        assertThat(pages.findPublished("/company/about/")).as("a draft is not for readers").isEmpty();
        assertThat(pages.find(created.id())).contains(updated);

        assertThat(pages.setStatus(created.id(), PageStatus.PUBLISHED).orElseThrow().isPublished()).isTrue();
        assertThat(pages.delete(created.id())).isTrue();
        assertThat(pages.delete(created.id())).isFalse();
        assertThat(pages.find(created.id())).isEmpty();
        assertThat(pages.update(created.id(), FixedPageDraft.markdown("/x/", "x", "x", PageStatus.DRAFT))).isEmpty();
        assertThat(changes).hasValue(4);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void a_path_names_one_page_on_create_and_on_update(Engine engine) {
        open(engine);
        pages.create(FixedPageDraft.markdown("/about/", "会社概要", "本文", PageStatus.PUBLISHED));
        var other = pages.create(FixedPageDraft.markdown("/privacy/", "プライバシーポリシー", "本文", PageStatus.PUBLISHED));
        assertThatThrownBy(() -> pages.create(FixedPageDraft.markdown("/about/", "別", "本文", PageStatus.DRAFT)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> pages.update(other.id(), FixedPageDraft.markdown("/about/", "別", "本文", PageStatus.DRAFT)))
                .isInstanceOf(ConflictException.class);
        assertThat(pages.all()).extracting(FixedPage::path).containsExactly("/about/", "/privacy/");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void an_upsert_by_path_creates_then_replaces_keeping_the_id_and_creation_time(Engine engine) {
        open(engine);
        var first = pages.upsert(FixedPageDraft.html("/advertising/", "広告掲載について",
                "<p>広告の<b>ご案内</b></p><script>alert(1)</script>", PageStatus.DRAFT));
        assertThat(first.format()).isEqualTo(PageFormat.HTML);
        assertThat(first.bodyHtml()).contains("<p>広告の").doesNotContain("script", "alert");
        clock.advance(Duration.ofHours(1));
        var second = pages.upsert(FixedPageDraft.markdown("/advertising/", "広告掲載のご案内", "新しい本文",
                PageStatus.PUBLISHED));
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.createdAt()).isEqualTo(first.createdAt());
        assertThat(second.updatedAt()).isEqualTo(clock.instant());
        assertThat(second.title()).isEqualTo("広告掲載のご案内");
        assertThat(second.format()).isEqualTo(PageFormat.MARKDOWN);
        assertThat(second.status()).isEqualTo(PageStatus.PUBLISHED);
        assertThat(pages.all()).hasSize(1);
        assertThat(pages.published()).containsExactly(second);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void japanese_paths_are_kept_decoded_and_linked_percent_encoded(Engine engine) {
        open(engine);
        var page = pages.create(FixedPageDraft.markdown("/会社概要/", "会社概要", "本文", PageStatus.PUBLISHED));
        assertThat(page.path()).isEqualTo("/会社概要/");
        assertThat(page.url()).isEqualTo("/%E4%BC%9A%E7%A4%BE%E6%A6%82%E8%A6%81/");
        assertThat(pages.findPublished("/会社概要/")).isPresent();
        // an imported WordPress link is percent-encoded, in lower case: the same page
        var imported = pages.upsert(FixedPageDraft.html("/%e4%bc%9a%e7%a4%be%e6%a6%82%e8%a6%81", "会社概要",
                "<p>取り込んだ本文</p>", PageStatus.PUBLISHED));
        assertThat(imported.id()).isEqualTo(page.id());
        assertThat(pages.all()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void a_refused_page_writes_nothing_and_names_each_field(Engine engine) {
        open(engine);
        assertThatThrownBy(() -> pages.upsert(new FixedPageDraft("/category/about/", " ", null, "", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsOnlyKeys("path", "title", "format", "body", "status"));
        assertThat(pages.all()).isEmpty();
        assertThat(changes).hasValue(0);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void write_listeners_run_inside_the_pages_transaction_and_a_failing_one_rolls_the_write_back(Engine engine) {
        db = TestDatabases.open(engine, dir);
        var store = new FixedPageStore(db.jdbi());
        pages = new FixedPageService(store, new PagePath(new Permalinks(Permalinks.DEFAULT_PATTERN)),
                new MarkdownRenderer(), clock);
        var seen = new java.util.ArrayList<String>();
        store.addWriteListener((h, id) -> seen.add(id + ":" + h.isInTransaction()));
        var page = pages.create(FixedPageDraft.markdown("/about/", "会社概要", "本文", PageStatus.PUBLISHED));
        pages.update(page.id(), FixedPageDraft.markdown("/company/", "会社概要", "本文", PageStatus.PUBLISHED));
        pages.upsert(FixedPageDraft.markdown("/company/", "会社案内", "本文", PageStatus.PUBLISHED));
        pages.setStatus(page.id(), PageStatus.DRAFT);
        pages.delete(page.id());
        pages.delete(page.id()); // nothing deleted: no listener call
        assertThat(seen).hasSize(5).allMatch(s -> s.equals(page.id() + ":true"));

        var kept = pages.create(FixedPageDraft.markdown("/privacy/", "プライバシーポリシー", "本文", PageStatus.PUBLISHED));
        store.addWriteListener((h, id) -> {
            throw new IllegalStateException("search_change unavailable");
        });
        var other = FixedPageDraft.markdown("/privacy/", "個人情報の取り扱い", "新しい本文", PageStatus.DRAFT);
        assertThatThrownBy(() -> pages.create(FixedPageDraft.markdown("/ads/", "広告", "本文", PageStatus.PUBLISHED)))
                .hasMessageContaining("search_change unavailable");
        assertThatThrownBy(() -> pages.update(kept.id(), other)).hasMessageContaining("search_change unavailable");
        assertThatThrownBy(() -> pages.upsert(other)).hasMessageContaining("search_change unavailable");
        assertThatThrownBy(() -> pages.setStatus(kept.id(), PageStatus.DRAFT))
                .hasMessageContaining("search_change unavailable");
        assertThatThrownBy(() -> pages.delete(kept.id())).hasMessageContaining("search_change unavailable");
        assertThat(pages.all()).containsExactly(kept); // nothing half-written
    }
}
