package kiji.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases;
import kiji.testing.TestDatabases.Engine;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The admin API, the public read API and the ranking beacon over real HTTP on each storage
 * engine: the storage tests prove the SQL, this proves the whole path from JSON to rows and back
 * (ids given by an import, conflicts, filters, paging, the view flush) on SQLite and PostgreSQL.
 */
class ApiOnEveryEngineTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36";

    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at("2024-10-21T03:10:00Z");
    TestKiji app;

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    private void start(Engine engine) {
        app = TestKiji.start(Config.defaults(dir), TestDatabases.open(engine, dir), clock);
        var res = app.admin("POST", "/api/admin/categories", "{\"slug\":\"japan-defense\",\"name\":\"日本の防衛\",\"section\":\"mod\"}");
        assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void an_article_with_tags_and_authors_is_created_read_updated_and_deleted(Engine engine) {
        start(engine);
        var res = app.admin("POST", "/api/admin/articles", """
                {"title": "会談(10月17日)", "lead": "リード", "body": "本文\\n\\n※注記", "category": "japan-defense",
                 "tags": ["NATO", "会談"], "authors": ["山田", "佐藤"], "status": "published",
                 "publishedAt": "2024-10-21T10:58:00+09:00"}""");
        assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
        var created = json(res);
        long id = created.get("id").asLong();
        assertThat(created.get("url").asText()).isEqualTo("/docs/mod/%06d.html".formatted(id));
        assertThat(created.get("tags").toString()).isEqualTo("[\"NATO\",\"会談\"]");
        assertThat(created.get("authors").toString()).isEqualTo("[\"山田\",\"佐藤\"]");
        assertThat(created.get("publishedAt").asText()).isEqualTo("2024-10-21T01:58:00Z");
        assertThat(json(app.admin("GET", "/api/admin/articles/" + id, null))).isEqualTo(created);

        clock.advance(Duration.ofMinutes(1));
        var put = app.admin("PUT", "/api/admin/articles/" + id, """
                {"title": "会談(改)", "body": "新しい本文", "category": "japan-defense", "tags": ["会談"],
                 "authors": ["佐藤"], "status": "draft"}""");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        var updated = json(app.admin("GET", "/api/admin/articles/" + id, null));
        assertThat(updated.get("title").asText()).isEqualTo("会談(改)");
        assertThat(updated.get("tags").toString()).isEqualTo("[\"会談\"]");
        assertThat(updated.get("authors").toString()).isEqualTo("[\"佐藤\"]");
        assertThat(updated.get("updatedAt").asText()).isEqualTo("2024-10-21T03:11:00Z");

        assertThat(app.admin("DELETE", "/api/admin/articles/" + id, null).statusCode()).isEqualTo(204);
        assertThat(app.admin("GET", "/api/admin/articles/" + id, null).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void an_imported_id_is_kept_and_a_second_article_with_it_is_a_conflict(Engine engine) {
        start(engine);
        var res = app.admin("POST", "/api/admin/articles", article(1922, "取り込み", "published"));
        assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
        assertThat(json(res).get("url").asText()).isEqualTo("/docs/mod/001922.html");
        var again = app.admin("POST", "/api/admin/articles", article(1922, "二度目", "published"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).startsWith("{");
        assertThat(json(app.admin("GET", "/api/admin/articles/1922", null)).get("title").asText()).isEqualTo("取り込み");
        // the sequence moves past an imported id on PostgreSQL as on SQLite
        assertThat(json(app.admin("POST", "/api/admin/articles", article(0, "次", "published"))).get("id").asLong())
                .isEqualTo(1923);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void lists_filter_and_page_and_the_public_api_hides_drafts(Engine engine) {
        start(engine);
        app.admin("POST", "/api/admin/categories", "{\"slug\":\"personnel\",\"name\":\"人事発令\",\"section\":\"jinji\"}");
        for (int i = 1; i <= 5; i++) app.admin("POST", "/api/admin/articles", article(0, "公開" + i, "published"));
        long draft = json(app.admin("POST", "/api/admin/articles", article(0, "下書き", "draft"))).get("id").asLong();
        app.admin("POST", "/api/admin/articles", """
                {"title": "人事", "body": "本文", "category": "personnel", "tags": ["人事発令"], "authors": ["佐藤"],
                 "status": "published", "publishedAt": "2024-10-21T09:00:00+09:00"}""");

        var page = json(app.admin("GET", "/api/admin/articles?size=3&page=3", null));
        assertThat(page.get("total").asLong()).isEqualTo(7);
        assertThat(page.get("items")).hasSize(1);
        assertThat(titles(app.admin("GET", "/api/admin/articles?status=draft", null))).containsExactly("下書き");
        assertThat(titles(app.admin("GET", "/api/admin/articles?category=personnel", null))).containsExactly("人事");
        assertThat(titles(app.admin("GET", "/api/admin/articles?author=%E4%BD%90%E8%97%A4", null))).containsExactly("人事");

        var publicList = json(app.get("/api/articles"));
        assertThat(publicList.get("total").asLong()).isEqualTo(6);
        assertThat(publicList.get("items").findValuesAsText("title")).doesNotContain("下書き");
        assertThat(titles(app.get("/api/articles?tag=%E4%BA%BA%E4%BA%8B%E7%99%BA%E4%BB%A4"))).containsExactly("人事");
        assertThat(json(app.get("/api/articles?category=japan-defense&page=1")).get("total").asLong()).isEqualTo(5);
        assertThat(app.get("/api/articles/" + draft).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void a_browser_view_reaches_the_ranking_after_the_flush(Engine engine) throws InterruptedException {
        start(engine);
        long id = json(app.admin("POST", "/api/admin/articles", article(0, "読まれる記事", "published"))).get("id").asLong();
        var beacon = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/views")))
                .POST(HttpRequest.BodyPublishers.ofString("{\"articleId\": " + id + "}"))
                .header("Content-Type", "text/plain;charset=UTF-8")
                .header("User-Agent", CHROME)
                .build());
        assertThat(beacon.statusCode()).isEqualTo(204);

        // the flush and the mirror sync run on their own timers: wait for them, with a generous deadline
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode items = json(app.get("/api/ranking?window=24h")).get("items");
        while (items.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            items = json(app.get("/api/ranking?window=24h")).get("items");
        }
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("articleId").asLong()).isEqualTo(id);
        assertThat(items.get(0).get("views").asLong()).isEqualTo(1);
    }

    private static List<String> titles(HttpResponse<String> res) {
        return json(res).get("items").findValuesAsText("title");
    }

    /** An article's JSON in category japan-defense; id 0 means none given. */
    private static String article(long id, String title, String status) {
        return """
                {%s"title": "%s", "body": "本文", "category": "japan-defense", "tags": ["NATO"],
                 "status": "%s", "publishedAt": "2024-10-21T10:58:00+09:00"}"""
                .formatted(id > 0 ? "\"id\": " + id + ", " : "", title, status);
    }

    private static JsonNode json(HttpResponse<String> res) {
        try {
            return JSON.readTree(res.body());
        } catch (IOException e) {
            throw new UncheckedIOException(res.body(), e);
        }
    }
}
