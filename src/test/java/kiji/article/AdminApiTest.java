package kiji.article;

import static kiji.testing.HttpAssertions.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API and the public read API over real HTTP, with a real token. */
class AdminApiTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    MutableClock clock = MutableClock.at("2024-10-21T02:00:00Z");
    TestKiji app;

    @BeforeEach
    void start() {
        app = TestKiji.start(dir, clock);
        assertThat(app.admin("POST", "/api/admin/categories",
                "{\"slug\":\"japan-defense\",\"name\":\"日本の防衛\",\"section\":\"mod\"}").statusCode()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void categories_are_created_and_listed() {
        var res = app.admin("POST", "/api/admin/categories", "{\"slug\":\"personnel\",\"name\":\"人事発令\",\"section\":\"jinji\"}");
        assertThat(res.statusCode()).isEqualTo(201);
        var created = json(res);
        assertThat(created.get("slug").asText()).isEqualTo("personnel");
        assertThat(created.get("name").asText()).isEqualTo("人事発令");
        assertThat(created.get("section").asText()).isEqualTo("jinji");
        var all = json(app.admin("GET", "/api/admin/categories", null));
        assertThat(all.findValuesAsText("slug")).containsExactly("japan-defense", "personnel");
    }

    @Test
    void an_article_is_created_read_updated_and_deleted() {
        var res = app.admin("POST", "/api/admin/articles", """
                {"title": "会談(10月17日)", "lead": "リード", "body": "本文\\n\\n※注記", "category": "japan-defense",
                 "tags": ["NATO", "会談"], "authors": ["山田"], "status": "published",
                 "publishedAt": "2024-10-21T10:58:00+09:00"}""");
        assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
        var created = json(res);
        long id = created.get("id").asLong();
        assertThat(id).isPositive();
        assertThat(created.get("url").asText()).isEqualTo("/docs/mod/%06d.html".formatted(id));
        assertThat(res.headers().firstValue("Location")).contains("/api/admin/articles/" + id);
        assertThat(created.get("publishedAt").asText()).isEqualTo("2024-10-21T01:58:00Z");
        assertThat(created.get("status").asText()).isEqualTo("published");
        assertThat(created.get("bodyHtml").asText()).contains("<p class=\"note\">※注記</p>");
        assertThat(created.get("tags").toString()).isEqualTo("[\"NATO\",\"会談\"]");

        var read = json(app.admin("GET", "/api/admin/articles/" + id, null));
        assertThat(read).isEqualTo(created);

        clock.advance(java.time.Duration.ofMinutes(1));
        var put = app.admin("PUT", "/api/admin/articles/" + id, """
                {"title": "会談(改)", "body": "新しい本文", "category": "japan-defense", "tags": ["会談"],
                 "status": "draft"}""");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        var updated = json(put);
        assertThat(updated.get("title").asText()).isEqualTo("会談(改)");
        assertThat(updated.get("tags").toString()).isEqualTo("[\"会談\"]");
        assertThat(updated.get("authors").toString()).isEqualTo("[]");
        assertThat(updated.get("status").asText()).isEqualTo("draft");
        assertThat(updated.get("updatedAt").asText()).isEqualTo("2024-10-21T02:01:00Z");
        assertThat(updated.get("createdAt").asText()).isEqualTo("2024-10-21T02:00:00Z");

        assertThat(app.admin("DELETE", "/api/admin/articles/" + id, null).statusCode()).isEqualTo(204);
        assertJson(app.admin("GET", "/api/admin/articles/" + id, null), 404);
        assertJson(app.admin("DELETE", "/api/admin/articles/" + id, null), 404);
        assertJson(app.admin("PUT", "/api/admin/articles/" + id, "{\"title\":\"x\",\"body\":\"x\","
                + "\"category\":\"japan-defense\",\"status\":\"draft\"}"), 404);
    }

    @Test
    void what_get_answered_is_accepted_back_by_put_with_a_changed_status() throws IOException {
        long id = json(app.admin("POST", "/api/admin/articles", article(0, "往復", "draft"))).get("id").asLong();
        var read = (ObjectNode) json(app.admin("GET", "/api/admin/articles/" + id, null));
        assertThat(read.has("url") && read.has("createdAt") && read.has("updatedAt") && read.has("categoryName")
                && read.has("bodyHtml")).as("the answer carries its read-only fields").isTrue();
        var url = read.get("url").asText();
        read.put("status", "published");
        read.put("url", "/somewhere/else.html"); // read-only: ignored, not an error
        var put = app.admin("PUT", "/api/admin/articles/" + id, JSON.writeValueAsString(read));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        var written = json(put);
        assertThat(written.get("status").asText()).isEqualTo("published");
        assertThat(written.get("url").asText()).startsWith("/docs/").isEqualTo(url);
        assertThat(written.get("title").asText()).isEqualTo("往復");
        assertThat(written.get("tags")).hasSize(1);
        assertThat(written.get("publishedAt").asText()).isEqualTo("2024-10-21T01:58:00Z");
    }

    @Test
    void an_imported_article_keeps_its_id_and_a_second_one_with_that_id_is_a_conflict() {
        var res = app.admin("POST", "/api/admin/articles", article(1922, "取り込み", "published"));
        assertThat(res.statusCode()).isEqualTo(201);
        assertThat(json(res).get("url").asText()).isEqualTo("/docs/mod/001922.html");
        var again = app.admin("POST", "/api/admin/articles", article(1922, "二度目", "published"));
        assertJson(again, 409);
        assertThat(json(app.admin("GET", "/api/admin/articles/1922", null)).get("title").asText()).isEqualTo("取り込み");
        var next = json(app.admin("POST", "/api/admin/articles", article(0, "次", "published")));
        assertThat(next.get("id").asLong()).isEqualTo(1923);
    }

    @Test
    void the_admin_listing_pages_and_filters() {
        app.admin("POST", "/api/admin/categories", "{\"slug\":\"personnel\",\"name\":\"人事発令\",\"section\":\"jinji\"}");
        for (int i = 1; i <= 5; i++) app.admin("POST", "/api/admin/articles", article(0, "公開" + i, "published"));
        app.admin("POST", "/api/admin/articles", article(0, "下書き", "draft"));
        app.admin("POST", "/api/admin/articles", """
                {"title": "人事", "body": "本文", "category": "personnel", "tags": ["人事発令"], "authors": ["佐藤"],
                 "status": "published", "publishedAt": "2024-10-21T09:00:00+09:00"}""");
        var page = json(app.admin("GET", "/api/admin/articles?size=3&page=2", null));
        assertThat(page.get("total").asLong()).isEqualTo(7);
        assertThat(page.get("page").asInt()).isEqualTo(2);
        assertThat(page.get("size").asInt()).isEqualTo(3);
        assertThat(page.get("items")).hasSize(3);
        assertThat(titles("/api/admin/articles?status=draft")).containsExactly("下書き");
        assertThat(titles("/api/admin/articles?category=personnel")).containsExactly("人事");
        assertThat(titles("/api/admin/articles?tag=%E4%BA%BA%E4%BA%8B%E7%99%BA%E4%BB%A4")).containsExactly("人事");
        assertThat(titles("/api/admin/articles?author=%E4%BD%90%E8%97%A4")).containsExactly("人事");
        assertThat(titles("/api/admin/articles?category=nothing")).isEmpty();
        assertJson(app.admin("GET", "/api/admin/articles?status=live", null), 400);
        assertJson(app.admin("GET", "/api/admin/articles?size=0", null), 400);
        assertJson(app.admin("GET", "/api/admin/articles?page=x", null), 400);
    }

    @Test
    void the_public_read_api_shows_published_articles_only() {
        long published = json(app.admin("POST", "/api/admin/articles", article(0, "公開", "published"))).get("id").asLong();
        long draft = json(app.admin("POST", "/api/admin/articles", article(0, "下書き", "draft"))).get("id").asLong();
        long scheduled = json(app.admin("POST", "/api/admin/articles", """
                {"title": "予約", "body": "本文", "category": "japan-defense", "status": "scheduled",
                 "publishedAt": "2024-10-21T12:00:00+09:00"}""")).get("id").asLong();
        var list = json(app.get("/api/articles"));
        assertThat(list.get("items").findValuesAsText("title")).containsExactly("公開");
        assertThat(list.get("total").asLong()).isEqualTo(1);
        assertThat(json(app.get("/api/articles?category=japan-defense&page=1")).get("total").asLong()).isEqualTo(1);
        assertThat(json(app.get("/api/articles?tag=NATO")).get("total").asLong()).isEqualTo(1);
        assertThat(json(app.get("/api/articles?tag=none")).get("total").asLong()).isZero();
        assertThat(app.get("/api/articles/" + published).statusCode()).isEqualTo(200);
        assertJson(app.get("/api/articles/" + draft), 404);
        assertJson(app.get("/api/articles/" + scheduled), 404);
        clock.set(java.time.Instant.parse("2024-10-21T03:00:00Z"));
        assertThat(app.get("/api/articles/" + scheduled).statusCode()).isEqualTo(200);
        assertThat(json(app.get("/api/articles")).get("total").asLong()).isEqualTo(2);
    }

    private java.util.List<String> titles(String path) {
        return json(app.admin("GET", path, null)).get("items").findValuesAsText("title");
    }

    /** An article's JSON; id 0 means none given. */
    static String article(long id, String title, String status) {
        return """
                {%s"title": "%s", "body": "本文", "category": "japan-defense", "tags": ["NATO"],
                 "status": "%s", "publishedAt": "2024-10-21T10:58:00+09:00"}"""
                .formatted(id > 0 ? "\"id\": " + id + ", " : "", title, status);
    }

    static JsonNode json(HttpResponse<String> res) {
        try {
            return JSON.readTree(res.body());
        } catch (IOException e) {
            throw new UncheckedIOException(res.body(), e);
        }
    }
}
