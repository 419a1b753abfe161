package kiji.site;

import static kiji.testing.HttpAssertions.assertSitePage;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import kiji.app.Config;
import kiji.article.ArticleDraft;
import kiji.article.Status;
import kiji.storage.Database;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Article URLs over real HTTP: canonical pages, 301s to them, and 404 pages for everything else. */
class PermalinkRoutingTest {
    @TempDir
    Path dir;

    MutableClock clock = MutableClock.at("2024-10-21T01:58:00Z");
    TestKiji app;

    @BeforeEach
    void start() {
        app = TestKiji.start(dir, clock);
        app.category("japan-defense", "日本の防衛", "mod");
        app.kiji.articleService.create(new ArticleDraft(Optional.of(1922L), "会談(10月17日)", "", "本文。",
                "japan-defense", List.of("NATO"), List.of("Kiji編集部"), Status.PUBLISHED, Optional.of(clock.instant())));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void the_canonical_url_serves_the_article() {
        var page = app.get("/docs/mod/001922.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(Jsoup.parse(page.body()).select("link[rel=canonical]").attr("href"))
                .isEqualTo("http://localhost:8080/docs/mod/001922.html");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/docs/jinji/001922.html", "/docs/mod/1922.html", "/docs/other/0000001922.html"})
    void another_form_of_the_same_article_redirects_permanently_to_the_canonical_url(String path) {
        var res = app.get(path);
        assertThat(res.statusCode()).isEqualTo(301);
        assertThat(res.headers().firstValue("Location")).contains("/docs/mod/001922.html");
    }

    @Test
    void an_unknown_article_is_a_404_page_in_the_site_frame() {
        var res = app.get("/docs/mod/001923.html");
        assertThat(res.statusCode()).isEqualTo(404);
        assertSitePage(res);
        assertThat(Jsoup.parse(res.body()).select("main h1").text()).isEqualTo("記事が見つかりません");
    }

    @Test
    void drafts_and_articles_whose_time_has_not_come_are_404_until_published() {
        var svc = app.kiji.articleService;
        var draft = svc.create(new ArticleDraft(Optional.empty(), "下書き", "", "本文", "japan-defense", List.of(), List.of(),
                Status.DRAFT, Optional.of(clock.instant().minusSeconds(60))));
        var scheduled = svc.create(new ArticleDraft(Optional.empty(), "予約", "", "本文", "japan-defense", List.of(),
                List.of(), Status.SCHEDULED, Optional.of(clock.instant().plus(Duration.ofHours(1)))));
        var future = svc.create(new ArticleDraft(Optional.empty(), "未来", "", "本文", "japan-defense", List.of(),
                List.of(), Status.PUBLISHED, Optional.of(clock.instant().plus(Duration.ofHours(1)))));
        for (var a : List.of(draft, scheduled, future)) {
            var res = app.get(app.kiji.permalinks.of(a));
            assertThat(res.statusCode()).as(a.title()).isEqualTo(404);
            assertSitePage(res);
            assertThat(res.body()).doesNotContain(a.title());
            assertThat(app.get("/docs/mod/" + a.id() + ".html").statusCode()).as("no redirect reveals it").isEqualTo(404);
        }
        clock.advance(Duration.ofHours(1));
        assertThat(app.get(app.kiji.permalinks.of(scheduled)).statusCode()).isEqualTo(200);
        assertThat(app.get(app.kiji.permalinks.of(future)).statusCode()).isEqualTo(200);
        assertThat(app.get(app.kiji.permalinks.of(draft)).statusCode()).isEqualTo(404);
    }

    @Test
    void bad_paths_and_ids_answer_4xx_never_500() {
        var paths = List.of("/docs/mod/abc.html", "/docs/mod/%00.html", "/docs/%00", "/docs/mod/001922.html%00",
                "/docs/mod/001922%00.html", "/%00", "/docs/mod/99999999999999999999.html", "/docs/mod/-1.html",
                "/docs/mod/000000.html", "/docs/../etc/passwd", "/docs/..%2F..%2Fetc%2Fpasswd",
                "/docs/mod/%2e%2e/001922.html", "/docs/mod/%E3.html", "/docs/mod/%ZZ.html", "/docs/mod/%.html",
                "/tag/%00", "/tag/%E3%81", "/author/%FF", "/category/%00", "/category/nothing",
                "/tag/%E3%81%AA%E3%81%84", "/author/%E8%AA%B0", "/tag/%ZZ", "/?page=abc", "/?page=0",
                "/?page=99999999999", "/?page=-1", "/?page=%00", "/category/japan-defense?page=x", "/tag/NATO?page=2",
                "/docs/", "/docs", "/nothing", "/static/nothing.css", "/static/../../etc/passwd",
                "/docs/mod/001922.html/extra", "/api/articles/99999999999999999999", "/api/articles/abc",
                "/api/articles/0", "/api/articles/%00", "/api/articles?page=abc", "/api/articles?size=1000",
                "/api/nothing");
        for (var path : paths) {
            assertThat(app.rawStatus(path)).as(path).isBetween(400, 499);
        }
    }

    @Test
    void a_very_long_path_answers_4xx() {
        assertThat(app.get("/docs/mod/" + "1".repeat(5_000) + ".html").statusCode()).isBetween(400, 499);
        // over Jetty's request-line limit: answered 414 and closed before the client has sent it all,
        // which an HTTP client may report as a broken connection instead of the answer — read it raw
        assertThat(app.rawStatus("/docs/" + "a".repeat(100_000) + "/001922.html")).isBetween(400, 499);
        assertThat(app.get("/tag/" + "a".repeat(2_000)).statusCode()).isBetween(400, 499);
    }

    @Test
    void another_pattern_serves_articles_under_its_own_urls() {
        app.close();
        var config = Config.defaults(dir).withPermalinkPattern("/news/{id}.html");
        app = TestKiji.start(config, Database.sqlite(dir), clock);
        assertThat(app.get("/news/1922.html").statusCode()).isEqualTo(200);
        var moved = app.get("/news/001922.html");
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("Location")).contains("/news/1922.html");
        assertThat(app.get("/docs/mod/001922.html").statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(app.get("/").body()).select("a[href=/news/1922.html]")).isNotEmpty();
    }
}
