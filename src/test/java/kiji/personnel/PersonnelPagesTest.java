package kiji.personnel;

import static kiji.personnel.PersonnelApiTest.FIRST;
import static kiji.personnel.PersonnelApiTest.SECOND;
import static kiji.personnel.PersonnelApiTest.json;
import static kiji.personnel.PersonnelApiTest.request;
import static kiji.testing.HttpAssertions.assertSitePage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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

/** The person, post and search pages in the site's frame, cached, and in the sitemap, on both engines. */
class PersonnelPagesTest {
    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at("2025-12-09T01:00:00Z");
    TestKiji app;

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    /** Two orders naming 髙橋/高橋 太郎; answers his person id. */
    private long twoOrders(Engine engine) {
        app = TestKiji.start(Config.defaults(dir), TestDatabases.open(engine, dir), clock);
        var first = json(app.admin("POST", "/api/admin/personnel-orders",
                request(FIRST, "将補人事", "published", "2025-12-09T10:00:00+09:00", false)));
        clock.advance(Duration.ofDays(100));
        app.admin("POST", "/api/admin/personnel-orders", request(SECOND, "将人事", "published", "2026-03-18T10:00:00+09:00", true));
        return first.get("entries").get(0).get("personId").asLong();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void the_person_page_shows_the_career_oldest_first_with_json_ld_person(Engine engine) throws Exception {
        long id = twoOrders(engine);
        var res = app.get("/jinji/person/" + id);
        assertThat(res.statusCode()).isEqualTo(200);
        assertSitePage(res);
        var doc = Jsoup.parse(res.body());
        assertThat(doc.select("h1").text()).isEqualTo("髙橋 太郎");
        var steps = doc.select("ol.career > li");
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).select("time").attr("datetime")).isEqualTo("2025-12-16");
        assertThat(steps.get(0).text()).contains("陸将補", "陸上幕僚監部防衛部長", "陸上幕僚監部人事教育部人事教育計画課長");
        assertThat(steps.get(1).text()).contains("陸将", "第1師団長");
        assertThat(steps.get(0).select("a.career-order").attr("href")).startsWith("/docs/jinji/");
        var ld = new ObjectMapper().readTree(doc.select("script[type=application/ld+json]").html());
        assertThat(ld.get("@type").asText()).isEqualTo("Person");
        assertThat(ld.get("jobTitle").asText()).isEqualTo("第1師団長");
        assertThat(ld.get("worksFor").get("name").asText()).isEqualTo("陸上自衛隊");

        var postUrl = steps.get(1).select("a[href^=/jinji/post/]").attr("href");
        var post = app.get(postUrl);
        assertThat(post.statusCode()).isEqualTo(200);
        assertSitePage(post);
        assertThat(Jsoup.parse(post.body()).select("table.holders tbody tr a[href=/jinji/person/" + id + "]")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void the_name_search_page_finds_every_spelling_and_pages_are_cached_and_in_the_sitemap(Engine engine) {
        long id = twoOrders(engine);
        var search = app.get("/jinji/person?q=" + URLEncoder.encode("高橋　太郎", StandardCharsets.UTF_8));
        assertSitePage(search);
        assertThat(Jsoup.parse(search.body()).select("ul.people a").attr("href")).isEqualTo("/jinji/person/" + id);
        assertThat(search.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(app.get("/jinji/person?q=" + URLEncoder.encode("山田", StandardCharsets.UTF_8)).body())
                .contains("見つかりませんでした");
        assertThat(app.get("/jinji/person").statusCode()).isEqualTo(200);

        long before = app.kiji.renderCache.size();
        var page = app.get("/jinji/person/" + id);
        assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("s-maxage=");
        assertThat(app.kiji.renderCache.size()).isGreaterThan(before);
        var etag = page.headers().firstValue("ETag").orElseThrow();
        assertThat(app.get("/jinji/person/" + id, "If-None-Match", etag).statusCode()).isEqualTo(304);

        assertThat(app.get("/sitemap.xml").body()).contains("/sitemaps/people.xml");
        assertThat(app.get("/sitemaps/people.xml").body()).contains("/jinji/person/" + id + "</loc>");
    }

    @org.junit.jupiter.api.Test
    void person_post_search_and_order_pages_are_valid_html() {
        long id = twoOrders(Engine.SQLITE);
        var checker = new kiji.testing.HtmlChecker();
        var person = app.get("/jinji/person/" + id).body();
        var post = Jsoup.parse(person).select("ol.career a[href^=/jinji/post/]").attr("href");
        var order = Jsoup.parse(person).select("a.career-order").attr("href");
        for (var path : java.util.List.of("/jinji/person/" + id, post, order,
                "/jinji/person?q=" + URLEncoder.encode("高橋", StandardCharsets.UTF_8), "/jinji/person")) {
            assertThat(checker.errors(app.get(path).body())).as(path).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void unknown_and_malformed_ids_are_japanese_404_and_400_pages(Engine engine) {
        twoOrders(engine);
        var missing = app.get("/jinji/person/99999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertSitePage(missing);
        assertThat(app.get("/jinji/post/99999").statusCode()).isEqualTo(404);
        assertThat(app.get("/jinji/person/abc").statusCode()).isEqualTo(400);
        assertThat(app.get("/api/personnel/people/abc").statusCode()).isEqualTo(400);
        assertThat(app.get("/api/personnel/people").statusCode()).isEqualTo(400);
    }
}
