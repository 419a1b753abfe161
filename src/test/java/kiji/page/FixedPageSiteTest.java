package kiji.page;

import static kiji.testing.HttpAssertions.assertSitePage;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import kiji.app.Config;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases;
import kiji.testing.TestDatabases.Engine;
import kiji.testing.TestKiji;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Readers' fixed pages over real HTTP on each engine: at their own path in the site's frame,
 * 301 without the slash, 404 as drafts, in every footer and in the sitemap, and fresh after an edit
 * although pages are kept by the render cache.
 */
class FixedPageSiteTest {
    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at("2024-10-21T01:58:00Z");
    TestKiji app;

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    private FixedPageService start(Engine engine) {
        app = TestKiji.start(Config.defaults(dir), TestDatabases.open(engine, dir), clock);
        app.publish("防衛大臣が会談(10月17日)", "会談を行った。");
        return app.kiji.pages;
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void a_published_page_is_served_at_its_path_in_the_sites_frame(Engine engine) {
        var pages = start(engine);
        pages.create(FixedPageDraft.markdown("/about/", "会社概要", "## 所在地\n\n東京都千代田区（架空）", PageStatus.PUBLISHED));

        var res = app.get("/about/");
        assertThat(res.statusCode()).isEqualTo(200);
        assertSitePage(res);
        var doc = Jsoup.parse(res.body());
        assertThat(doc.title()).startsWith("会社概要 | ");
        assertThat(doc.select("main h1").text()).isEqualTo("会社概要");
        assertThat(doc.select("main .article-body h2").text()).isEqualTo("所在地");
        assertThat(doc.select("link[rel=canonical]").attr("href")).endsWith("/about/");
        assertThat(doc.select("[data-article-id]")).as("no view beacon: not an article").isEmpty();
        assertThat(res.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("max-age=60"));
        assertThat(res.headers().firstValue("ETag")).isPresent();

        var bare = app.get("/about");
        assertThat(bare.statusCode()).isEqualTo(301);
        assertThat(bare.headers().firstValue("Location")).contains("/about/");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void a_draft_or_a_missing_page_is_404_for_readers(Engine engine) {
        var pages = start(engine);
        var draft = pages.create(FixedPageDraft.markdown("/privacy/", "プライバシーポリシー", "下書き", PageStatus.DRAFT));
        for (var path : new String[] {"/privacy/", "/privacy", "/nothing-here/", "/a/b/c/"}) {
            var res = app.get(path);
            assertThat(res.statusCode()).as(path).isEqualTo(404);
            assertSitePage(res);
        }
        pages.setStatus(draft.id(), PageStatus.PUBLISHED);
        assertThat(app.get("/privacy/").statusCode()).isEqualTo(200);
        pages.setStatus(draft.id(), PageStatus.DRAFT);
        assertThat(app.get("/privacy/").statusCode()).as("unpublishing empties the cached page").isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void published_pages_are_in_every_footer_and_in_the_sitemap(Engine engine) {
        var pages = start(engine);
        pages.create(FixedPageDraft.markdown("/about/", "会社概要", "本文", PageStatus.PUBLISHED));
        pages.create(FixedPageDraft.markdown("/会社/広告/", "広告掲載について", "本文", PageStatus.PUBLISHED));
        pages.create(FixedPageDraft.markdown("/draft/", "下書きのページ", "本文", PageStatus.DRAFT));

        for (var path : new String[] {"/", "/docs/mod/000001.html", "/category/japan-defense", "/about/",
            "/search?q=%E4%BC%9A%E8%AB%87", "/no-such-page"}) {
            var footer = Jsoup.parse(app.get(path).body()).select("footer.site-footer .footer-pages a");
            assertThat(footer.eachText()).as(path).containsExactly("会社概要", "広告掲載について");
            assertThat(footer.eachAttr("href")).as(path)
                    .containsExactly("/about/", "/%E4%BC%9A%E7%A4%BE/%E5%BA%83%E5%91%8A/");
        }
        assertThat(app.get("/%E4%BC%9A%E7%A4%BE/%E5%BA%83%E5%91%8A/").statusCode()).isEqualTo(200);

        assertThat(app.get("/sitemap.xml").body()).contains("/sitemaps/pages.xml</loc>");
        var sitemap = app.get("/sitemaps/pages.xml");
        assertThat(sitemap.statusCode()).isEqualTo(200);
        assertThat(sitemap.body()).contains("<loc>http://localhost:8080/about/</loc>")
                .contains("/%E4%BC%9A%E7%A4%BE/%E5%BA%83%E5%91%8A/</loc>")
                .contains("<lastmod>2024-10-21T10:58:00+09:00</lastmod>")
                .doesNotContain("/draft/");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void an_edit_reaches_readers_at_once_although_the_page_is_cached(Engine engine) {
        var pages = start(engine);
        var page = pages.create(FixedPageDraft.markdown("/about/", "会社概要", "旧い所在地", PageStatus.PUBLISHED));
        var first = app.get("/about/");
        var again = app.get("/about/");
        assertThat(again.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        assertThat(app.get("/").body()).contains(">会社概要</a>");

        pages.update(page.id(), FixedPageDraft.markdown("/about/", "会社案内", "新しい所在地", PageStatus.PUBLISHED));
        var edited = app.get("/about/");
        assertThat(edited.body()).contains("新しい所在地").doesNotContain("旧い所在地");
        assertThat(edited.headers().firstValue("ETag")).isNotEqualTo(first.headers().firstValue("ETag"));
        assertThat(app.get("/").body()).as("the home page's footer too").contains(">会社案内</a>");
    }
}
