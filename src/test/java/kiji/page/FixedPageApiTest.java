package kiji.page;

import static kiji.testing.HttpAssertions.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import kiji.app.Config;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases;
import kiji.testing.TestDatabases.Engine;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code /api/admin/pages} on each engine: the article API's conventions (token, 400 with fields, 404, 409). */
class FixedPageApiTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at("2024-10-21T01:58:00Z");
    TestKiji app;

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    private void start(Engine engine) {
        app = TestKiji.start(Config.defaults(dir), TestDatabases.open(engine, dir), clock);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void a_page_is_created_read_listed_updated_and_deleted(Engine engine) {
        start(engine);
        var res = app.admin("POST", "/api/admin/pages", """
                {"path": "/about/", "title": "会社概要", "body": "## 所在地\\n\\n東京都", "status": "published"}""");
        assertJson(res, 201);
        var created = json(res);
        long id = created.get("id").asLong();
        assertThat(res.headers().firstValue("Location")).contains("/api/admin/pages/" + id);
        assertThat(created.get("path").asText()).isEqualTo("/about/");
        assertThat(created.get("url").asText()).isEqualTo("/about/");
        assertThat(created.get("format").asText()).isEqualTo("markdown");
        assertThat(created.get("bodyHtml").asText()).contains("<h2>所在地</h2>");
        assertThat(created.get("status").asText()).isEqualTo("published");
        assertThat(created.get("createdAt").asText()).isEqualTo("2024-10-21T01:58:00Z");
        assertThat(json(app.admin("GET", "/api/admin/pages/" + id, null))).isEqualTo(created);
        assertThat(app.get("/about/").statusCode()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(1));
        // a client may send back what it read, with the fields it changed
        var changed = ((com.fasterxml.jackson.databind.node.ObjectNode) created.deepCopy())
                .put("title", "会社案内").put("status", "draft");
        var put = app.admin("PUT", "/api/admin/pages/" + id, changed.toString());
        assertJson(put, 200);
        assertThat(json(put).get("title").asText()).isEqualTo("会社案内");
        assertThat(json(put).get("updatedAt").asText()).isEqualTo("2024-10-21T01:59:00Z");
        assertThat(app.get("/about/").statusCode()).as("a draft now").isEqualTo(404);

        var list = json(app.admin("GET", "/api/admin/pages", null));
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("id").asLong()).isEqualTo(id);

        assertThat(app.admin("DELETE", "/api/admin/pages/" + id, null).statusCode()).isEqualTo(204);
        assertJson(app.admin("GET", "/api/admin/pages/" + id, null), 404);
        assertJson(app.admin("DELETE", "/api/admin/pages/" + id, null), 404);
        assertJson(app.admin("PUT", "/api/admin/pages/" + id, """
                {"path": "/about/", "title": "x", "body": "x", "status": "draft"}"""), 404);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void a_taken_path_is_409_on_create_and_on_update(Engine engine) {
        start(engine);
        assertJson(app.admin("POST", "/api/admin/pages", """
                {"path": "/about/", "title": "会社概要", "body": "本文", "status": "published"}"""), 201);
        var other = json(app.admin("POST", "/api/admin/pages", """
                {"path": "/privacy/", "title": "プライバシーポリシー", "body": "本文", "status": "published"}"""));
        assertJson(app.admin("POST", "/api/admin/pages", """
                {"path": "/about", "title": "別", "body": "本文", "status": "draft"}"""), 409);
        assertJson(app.admin("PUT", "/api/admin/pages/" + other.get("id").asLong(), """
                {"path": "/about/", "title": "別", "body": "本文", "status": "draft"}"""), 409);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void bad_input_is_400_naming_every_field_and_writes_nothing(Engine engine) {
        start(engine);
        var res = app.admin("POST", "/api/admin/pages", """
                {"path": "/category/about/", "title": "", "body": 12, "format": "pdf", "status": "secret", "color": "red"}""");
        assertJson(res, 400);
        var fields = json(res).get("fields");
        assertThat(fields.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("path", "title", "body", "format", "status", "color");
        assertThat(fields.get("path").asText()).contains("/category/");

        for (var body : new String[] {"{\"title\": \"x\", \"body\": \"x\", \"status\": \"draft\"}",
            "{\"path\": \"/newsroom/x/\", \"title\": \"x\", \"body\": \"x\", \"status\": \"draft\"}",
            "{\"path\": \"/docs/about/\", \"title\": \"x\", \"body\": \"x\", \"status\": \"draft\"}",
            "{\"path\": \"/a b/\", \"title\": \"x\", \"body\": \"x\", \"status\": \"draft\"}",
            "{\"path\": \"/about/\", \"title\": \"x\", \"body\": \"\", \"status\": \"draft\"}",
            "{\"id\": 5, \"path\": \"/about/\", \"title\": \"x\", \"body\": \"x\", \"status\": \"draft\"}",
            "[1, 2]", "not json"}) {
            assertJson(app.admin("POST", "/api/admin/pages", body), 400);
        }
        assertJson(app.admin("GET", "/api/admin/pages/abc", null), 400);
        assertThat(json(app.admin("GET", "/api/admin/pages", null)).get("total").asInt()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void the_api_needs_an_admin_token(Engine engine) {
        start(engine);
        var anonymous = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/admin/pages"))).GET().build());
        assertJson(anonymous, 401);
        var wrong = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/admin/pages")))
                .header("Authorization", "Bearer nope")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertJson(wrong, 401);
    }

    private static JsonNode json(HttpResponse<String> res) {
        try {
            return JSON.readTree(res.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
