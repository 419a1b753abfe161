package kiji.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.AfterEach;
import kiji.testing.TestDatabases;
import kiji.testing.TestDatabases.Engine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixed pages are not articles: never in feeds, listings, the public API, search or the ranking,
 * whose beacon cannot name them.
 */
class FixedPagesStayOutTest {
    static final String WORD = "独自語ぺーじ";

    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at("2024-10-21T01:58:00Z");
    TestKiji app;

    void start(Engine engine) {
        app = TestKiji.start(kiji.app.Config.defaults(dir), TestDatabases.open(engine, dir), clock);
        app.publish("防衛大臣が会談(10月17日)", "会談を行った。");
        app.kiji.pages.create(FixedPageDraft.markdown("/about/", "会社概要 " + WORD,
                "会社概要の本文 " + WORD, PageStatus.PUBLISHED));
    }

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void a_fixed_page_is_in_no_feed_listing_or_public_api(Engine engine) {
        start(engine);
        for (var path : new String[] {"/feed.xml", "/atom.xml", "/category/japan-defense/feed.xml", "/api/articles",
            "/sitemaps/articles-1.xml", "/sitemaps/news.xml", "/sitemaps/categories.xml", "/sitemaps/tags.xml"}) {
            var res = app.get(path);
            assertThat(res.statusCode()).as(path).isEqualTo(200);
            assertThat(res.body()).as(path).doesNotContain(WORD).doesNotContain("/about/");
        }
        // listings: only the footer links to it, never the main column
        for (var path : new String[] {"/", "/category/japan-defense", "/author/%E4%BD%90%E8%97%A4"}) {
            var main = org.jsoup.Jsoup.parse(app.get(path).body()).select("main");
            assertThat(main.text()).as(path).doesNotContain(WORD);
            assertThat(main.select("a[href=/about/]")).as(path).isEmpty();
        }
        assertThat(org.jsoup.Jsoup.parse(app.get("/").body()).select("main").text()).as("the home page lists the article")
                .contains("防衛大臣が会談");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void a_fixed_page_is_not_found_by_search(Engine engine) {
        start(engine);
        var page = app.get("/search?q=" + java.net.URLEncoder.encode(WORD, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("class=\"search-hit\"");
        var api = app.get("/api/search?q=" + java.net.URLEncoder.encode("会社概要", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(api.body()).doesNotContain(WORD);
    }

    @Test
    void reading_a_fixed_page_counts_no_view_even_when_rendered_pages_are_counted() {
        var counting = kiji.app.Config.defaults(dir)
                .withRanking(new kiji.ranking.RankingSettings(kiji.ranking.TrustedProxies.none(), true));
        app = TestKiji.start(counting, kiji.storage.Database.sqlite(dir), clock);
        var article = app.publish("防衛大臣が会談(10月17日)", "会談を行った。");
        app.kiji.pages.create(FixedPageDraft.markdown("/about/", "会社概要 " + WORD, "本文", PageStatus.PUBLISHED));
        var about = app.get("/about/", "User-Agent", CHROME);
        assertThat(about.body()).doesNotContain("data-article-id");
        app.kiji.ranking.refresh();
        assertThat(app.kiji.ranking.store().totalViews()).isZero();

        // the control: the article page is counted the same way
        assertThat(app.get(app.kiji.permalinks.of(article), "User-Agent", CHROME).statusCode()).isEqualTo(200);
        app.kiji.ranking.refresh();
        assertThat(app.kiji.ranking.store().totalViews()).isEqualTo(1);
        assertThat(app.get("/api/ranking?window=24h").body()).doesNotContain(WORD).contains("防衛大臣が会談");
    }

    static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36";
}
