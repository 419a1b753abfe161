package kiji.article;

import static kiji.article.AdminApiTest.article;
import static kiji.article.AdminApiTest.json;
import static kiji.testing.HttpAssertions.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the admin API refuses, and how: 401, 400 naming each field, 409, and nothing half-stored. */
class AdminApiRefusalsTest {
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
    void a_bad_or_duplicate_category_is_refused() {
        var bad = app.admin("POST", "/api/admin/categories", "{\"slug\":\"日本\",\"name\":\"\",\"section\":\"MOD!\"}");
        assertJson(bad, 400);
        assertThat(json(bad).get("fields").properties()).extracting(e -> e.getKey())
                .containsExactlyInAnyOrder("slug", "name", "section");
        var unknown = app.admin("POST", "/api/admin/categories",
                "{\"slug\":\"world\",\"name\":\"国際\",\"section\":\"world\",\"colour\":\"red\"}");
        assertJson(unknown, 400);
        assertThat(json(unknown).at("/fields/colour").asText()).isEqualTo("unknown field");
        assertJson(app.admin("POST", "/api/admin/categories",
                "{\"slug\":\"japan-defense\",\"name\":\"別\",\"section\":\"mod\"}"), 409);
        assertThat(json(app.admin("GET", "/api/admin/categories", null))).hasSize(1);
    }

    @Test
    void missing_wrong_and_revoked_tokens_are_401_json() {
        for (var header : new String[] {null, "", "Bearer", "Bearer ", "Bearer kiji_" + "0".repeat(64),
            "Basic " + app.token, app.token, "Bearer " + app.token + "x"}) {
            var b = HttpRequest.newBuilder(URI.create(app.url("/api/admin/articles")));
            if (header != null) b.header("Authorization", header);
            var res = app.send(b.build());
            assertJson(res, 401);
            assertThat(res.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        }
        // HTTP/1.1: over HTTP/2 the server answers 401 without reading the body and then resets
        // the stream (RFC 9113 8.1 allows it), and the JDK client, still sending, sometimes reports
        // that reset instead of the response it already received
        var post = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/admin/articles")))
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .POST(HttpRequest.BodyPublishers.ofString(article(0, "無断", "published"))).build());
        assertJson(post, 401);
        for (var path : new String[] {"/api/admin/articles/", "/api/admin/categories", "/api/admin/articles/1"}) {
            assertJson(app.get(path), 401);
        }
        assertThat(app.admin("GET", "/api/admin/articles", null).statusCode()).isEqualTo(200);
        app.kiji.tokens.list().forEach(t -> app.kiji.tokens.revoke(t.id()));
        assertJson(app.admin("GET", "/api/admin/articles", null), 401);
        assertThat(app.kiji.articles.list(ArticleFilter.all(), new PageRequest(1, 10), java.util.Optional.empty()).total())
                .isZero();
    }

    @Test
    void no_spelling_of_an_admin_path_gets_past_the_token_check() {
        app.admin("POST", "/api/admin/articles", article(0, "x", "published"));
        for (var path : new String[] {"/api/admin/articles", "/api/admin/articles/", "/api//admin/articles",
            "/api/admin//articles", "/api/admin/./articles", "/api/x/../admin/articles", "/api/admin;x/articles",
            "/api/admin/articles;x", "/%61pi/admin/articles", "/api/%61dmin/articles", "/api/admin/%61rticles",
            "/api/admin/articles/1", "/api/admin/articles/1/", "/api/admin/categories", "/API/admin/articles",
            "/api/ADMIN/articles"}) {
            assertThat(app.rawStatus(path)).as(path).isIn(400, 401, 404);
        }
    }

    @Test
    void every_invalid_field_is_named_with_the_reason() {
        var res = app.admin("POST", "/api/admin/articles", """
                {"id": -3, "title": "", "body": 42, "category": "japan-defense", "tags": "NATO",
                 "authors": ["ok", 7], "status": "live", "publishedAt": "yesterday"}""");
        assertJson(res, 400);
        var fields = json(res).get("fields");
        assertThat(fields.properties()).as("what cannot be read and what breaks a rule, in one answer")
                .extracting(e -> e.getKey())
                .containsExactlyInAnyOrder("id", "title", "body", "tags", "authors", "status", "publishedAt");
        assertThat(fields.get("id").asText()).startsWith("must be between 1 and");
        assertThat(fields.get("title").asText()).isEqualTo("required");
        assertThat(fields.get("status").asText()).contains("draft, scheduled, published");
        assertThat(fields.get("publishedAt").asText()).contains("ISO-8601");
        assertThat(fields.get("body").asText()).isEqualTo("must be a string");

        var rules = app.admin("POST", "/api/admin/articles", """
                {"id": -3, "title": "%s", "lead": "a\\u0000b", "body": " ", "category": "nothing",
                 "tags": ["a/b"], "status": "scheduled"}""".formatted("長".repeat(301)));
        assertJson(rules, 400);
        var why = json(rules).get("fields");
        assertThat(why.properties()).extracting(e -> e.getKey())
                .containsExactlyInAnyOrder("id", "title", "lead", "body", "category", "tags", "publishedAt");
        assertThat(why.get("title").asText()).isEqualTo("at most 300 characters");
        assertThat(why.get("category").asText()).isEqualTo("unknown category: nothing");
        assertThat(why.get("body").asText()).isEqualTo("required");
        assertThat(why.get("publishedAt").asText()).isEqualTo("required for a scheduled article");
        assertNothingStored();
    }

    @Test
    void an_empty_title_and_an_unreadable_time_are_named_together() {
        var res = app.admin("POST", "/api/admin/articles", article(0, "", "published")
                .replace("2024-10-21T10:58:00+09:00", "10月21日"));
        assertJson(res, 400);
        var fields = json(res).get("fields");
        assertThat(fields.properties()).extracting(e -> e.getKey()).containsExactlyInAnyOrder("title", "publishedAt");
        assertThat(fields.get("title").asText()).isEqualTo("required");
        assertThat(fields.get("publishedAt").asText()).contains("ISO-8601");

        long id = json(app.admin("POST", "/api/admin/articles", article(0, "x", "published"))).get("id").asLong();
        var put = app.admin("PUT", "/api/admin/articles/" + id, article(id + 1, "", "published")
                .replace("2024-10-21T10:58:00+09:00", "10月21日"));
        assertJson(put, 400);
        assertThat(json(put).get("fields").properties()).extracting(e -> e.getKey())
                .containsExactlyInAnyOrder("id", "title", "publishedAt");
        assertThat(json(app.admin("GET", "/api/admin/articles/" + id, null)).get("title").asText()).isEqualTo("x");
    }

    @Test
    void read_only_fields_are_ignored_but_an_unknown_field_beside_them_is_still_400() {
        var res = app.admin("POST", "/api/admin/articles", article(0, "x", "published").replace("{",
                "{\"url\": \"/docs/mod/000001.html\", \"bodyHtml\": \"<p>x</p>\", \"colour\": \"red\", "));
        assertJson(res, 400);
        assertThat(json(res).get("fields").properties()).extracting(e -> e.getKey()).containsExactly("colour");
        assertNothingStored();
    }

    @Test
    void tags_and_authors_that_cannot_be_a_url_segment_are_refused() {
        for (var name : new String[] {".", "..", "a/b", "", " ", "x".repeat(101), "a\\u0007b"}) {
            var tags = app.admin("POST", "/api/admin/articles", article(0, "x", "published").replace("\"NATO\"",
                    "\"" + name + "\""));
            assertJson(tags, 400);
            assertThat(json(tags).at("/fields/tags").asText()).as(name + " → " + tags.body()).contains("each entry");
            var authors = app.admin("POST", "/api/admin/articles", article(0, "x", "published").replace("{",
                    "{\"authors\": [\"" + name + "\"], "));
            assertJson(authors, 400);
            assertThat(json(authors).at("/fields/authors").asText()).contains("each entry");
        }
        assertNothingStored();
    }

    @Test
    void a_publication_time_outside_any_sensible_range_is_400_not_a_crash() {
        for (var time : new String[] {"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "0001-01-01T00:00:00Z",
            "10000-01-01T00:00:00Z", "2024-02-30T10:00:00+09:00", "2024-10-21T25:00:00+09:00", "2024-10-21"}) {
            var res = app.admin("POST", "/api/admin/articles", article(0, "x", "published")
                    .replace("2024-10-21T10:58:00+09:00", time));
            assertJson(res, 400);
            assertThat(json(res).at("/fields/publishedAt").asText()).as(time).isNotEmpty();
        }
        assertNothingStored();
        var local = app.admin("POST", "/api/admin/articles", article(0, "x", "published")
                .replace("2024-10-21T10:58:00+09:00", "2024-10-21T10:58:00"));
        assertThat(json(local).get("publishedAt").asText()).as("a time without offset is Japan time")
                .isEqualTo("2024-10-21T01:58:00Z");
    }

    @Test
    void an_unknown_category_is_400() {
        var res = app.admin("POST", "/api/admin/articles", article(0, "x", "published").replace("japan-defense", "world"));
        assertJson(res, 400);
        assertThat(json(res).at("/fields/category").asText()).isEqualTo("unknown category: world");
        assertNothingStored();
    }

    @Test
    void unknown_fields_malformed_and_non_object_json_are_400() {
        var unknown = app.admin("POST", "/api/admin/articles", article(0, "x", "published").replace("{", "{\"titel\": \"x\","));
        assertJson(unknown, 400);
        assertThat(json(unknown).at("/fields/titel").asText()).isEqualTo("unknown field");
        for (var body : new String[] {"{\"title\": ", "not json", "", "[1, 2]", "\"text\"", "null", "42",
            article(0, "x", "published") + " trailing", article(0, "x", "published") + "{}",
            "{\"title\": \"a\", \"title\": \"b\", \"body\": \"x\", \"category\": \"japan-defense\", \"status\": \"draft\"}"}) {
            assertJson(app.admin("POST", "/api/admin/articles", body), 400);
        }
        assertNothingStored();
    }

    @Test
    void the_path_id_and_the_body_id_must_agree_and_ids_must_be_numbers() {
        long id = json(app.admin("POST", "/api/admin/articles", article(0, "x", "published"))).get("id").asLong();
        assertJson(app.admin("PUT", "/api/admin/articles/" + id, article(id + 1, "y", "published")), 400);
        assertThat(app.admin("PUT", "/api/admin/articles/" + id, article(id, "y", "published")).statusCode()).isEqualTo(200);
        assertJson(app.admin("GET", "/api/admin/articles/abc", null), 400);
        assertJson(app.admin("GET", "/api/admin/articles/99999999999999999999", null), 400);
        assertJson(app.admin("DELETE", "/api/admin/articles/-1", null), 400);
        assertJson(app.admin("POST", "/api/admin/articles", article(0, "x", "published").replace("{", "{\"id\": 1e30,")), 400);
    }

    @Test
    void a_write_that_fails_half_way_stores_nothing_and_says_so_without_details() {
        app.kiji.database.jdbi().useHandle(h -> h.execute(
                "CREATE TRIGGER refuse_tag BEFORE INSERT ON tag WHEN NEW.name = 'boom' "
                        + "BEGIN SELECT RAISE(ABORT, 'tag refused by the test'); END"));
        var res = app.admin("POST", "/api/admin/articles", article(0, "途中で失敗", "published")
                .replace("\"NATO\"", "\"NATO\", \"boom\""));
        assertJson(res, 500);
        assertThat(res.body()).doesNotContain("refused", "SQL", "Exception");
        assertNothingStored();
    }

    private void assertNothingStored() {
        assertThat(json(app.admin("GET", "/api/admin/articles", null)).get("total").asLong()).isZero();
        var tags = app.kiji.database.jdbi().withHandle(h ->
                h.createQuery("SELECT COUNT(*) FROM article_tag").mapTo(Long.class).one());
        assertThat(tags).isZero();
    }
}
