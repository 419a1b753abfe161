package kiji.site;

import static kiji.testing.HttpAssertions.assertJson;
import static kiji.testing.HttpAssertions.assertSitePage;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers get error pages in the site's frame, in Japanese; API clients get JSON. */
class ErrorPagesTest {
    @TempDir
    Path dir;

    TestKiji app;

    @BeforeEach
    void start() {
        app = TestKiji.start(dir, MutableClock.at("2024-10-21T01:58:00Z"));
        app.category("japan-defense", "日本の防衛", "mod");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void an_unknown_page_is_a_japanese_404_page_in_the_site_frame() {
        var res = app.get("/nothing/here");
        assertThat(res.statusCode()).isEqualTo(404);
        assertSitePage(res);
        var doc = Jsoup.parse(res.body());
        assertThat(doc.title()).startsWith("ページが見つかりません");
        assertThat(doc.select("main h1").text()).isEqualTo("ページが見つかりません");
        assertThat(doc.select("main").text()).doesNotContain("Endpoint", "/nothing/here").contains("404");
        assertThat(res.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(doc.select("nav.site-nav a").text()).contains("日本の防衛");
    }

    @Test
    void a_bad_query_on_a_page_is_a_japanese_400_page_in_the_site_frame() {
        var res = app.get("/?page=abc");
        assertThat(res.statusCode()).isEqualTo(400);
        assertSitePage(res);
        assertThat(Jsoup.parse(res.body()).select("main h1").text()).contains("page");
    }

    @Test
    void a_wrong_method_on_a_page_is_an_html_page() {
        var res = app.send(HttpRequest.newBuilder(URI.create(app.url("/"))).DELETE().build());
        assertThat(res.statusCode()).isBetween(400, 499);
        assertSitePage(res);
    }

    @Test
    void every_answer_carries_the_security_headers() {
        app.publish("記事", "本文");
        for (var path : new String[] {"/", "/docs/mod/000001.html", "/nothing", "/?page=x", "/api/articles",
            "/api/nothing", "/api/admin/articles"}) {
            var headers = app.get(path).headers();
            assertThat(headers.firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(v -> assertThat(v).contains("script-src 'self'", "object-src 'none'"));
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).isPresent();
            assertThat(headers.firstValue("X-Frame-Options")).as(path).contains("SAMEORIGIN");
        }
    }

    @Test
    void api_errors_are_json_with_a_reason() {
        assertJson(app.get("/api/nothing"), 404);
        assertJson(app.get("/api/articles/abc"), 400);
        assertJson(app.get("/api/articles/12345"), 404);
        assertJson(app.get("/api/articles?page=0"), 400);
        assertJson(app.send(HttpRequest.newBuilder(URI.create(app.url("/api/articles"))).DELETE().build()), 405);
        assertJson(app.get("/api/admin/articles"), 401);
    }

    @Test
    void a_known_path_asked_with_a_method_it_lacks_is_405_although_pages_may_take_any_free_path() {
        // fixed pages answer GETs that no route matched; a path with a POST route is not free
        assertJson(app.get("/api/views"), 405);
    }
}
