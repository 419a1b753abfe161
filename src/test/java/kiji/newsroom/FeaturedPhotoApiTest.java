package kiji.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import kiji.app.Config;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases;
import kiji.testing.TestDatabases.Engine;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An article's featured photo through the admin API on SQLite and PostgreSQL: stored, read back
 * with its variants, kept, cleared, and an unknown photo refused with nothing saved.
 */
class FeaturedPhotoApiTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    TestKiji app;

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    private Photo start(Engine engine) throws IOException {
        app = TestKiji.start(Config.defaults(dir), TestDatabases.open(engine, dir), MutableClock.at("2024-10-21T03:10:00Z"));
        app.category("japan-defense", "日本の防衛", "mod");
        var user = app.kiji.newsroom.users.add("sato", "佐藤", Role.EDITOR, "編集者のパスワード1");
        return app.kiji.newsroom.photos.upload(PhotoUploadTest.jpeg(2000, 1000), "観艦式の護衛艦", "防衛省", user);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void a_featured_photo_is_stored_answered_with_its_variants_kept_and_cleared(Engine engine) throws IOException {
        var photo = start(engine);
        var res = app.admin("POST", "/api/admin/articles", article("\"featuredPhoto\": " + photo.id()));
        assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
        var created = json(res);
        long id = created.get("id").asLong();
        var featured = created.get("featuredPhoto");
        assertThat(featured.get("id").asLong()).isEqualTo(photo.id());
        assertThat(featured.get("url").asText()).isEqualTo("/media/" + photo.id() + "/960.jpg");
        assertThat(featured.get("width").asInt()).isEqualTo(960);
        assertThat(featured.get("height").asInt()).isEqualTo(480);
        assertThat(featured.get("caption").asText()).isEqualTo("観艦式の護衛艦");
        assertThat(featured.get("credit").asText()).isEqualTo("防衛省");
        var p = photo.id();
        assertThat(featured.get("srcset").asText())
                .isEqualTo("/media/%d/480.jpg 480w, /media/%d/960.jpg 960w, /media/%d/1600.jpg 1600w".formatted(p, p, p));
        assertThat(json(app.admin("GET", "/api/admin/articles/" + id, null))).isEqualTo(created);
        assertThat(json(app.get("/api/articles/" + id)).get("featuredPhoto")).isEqualTo(featured);

        // what a client read can be sent back as it is
        var put = app.admin("PUT", "/api/admin/articles/" + id, article("\"featuredPhoto\": " + featured));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(json(put).get("featuredPhoto").get("id").asLong()).isEqualTo(photo.id());

        var cleared = app.admin("PUT", "/api/admin/articles/" + id, article("\"featuredPhoto\": null"));
        assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
        assertThat(json(cleared).get("featuredPhoto").isNull()).isTrue();
        assertThat(app.kiji.articles.find(id).orElseThrow().featuredPhotoId()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void an_unknown_photo_is_a_400_naming_the_field_and_nothing_is_saved(Engine engine) throws IOException {
        var photo = start(engine);
        var refused = app.admin("POST", "/api/admin/articles", article("\"featuredPhoto\": 999"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("fields").get("featuredPhoto").asText()).isEqualTo("unknown photo: 999");
        assertThat(json(app.admin("GET", "/api/admin/articles", null)).get("total").asLong()).isZero();

        long id = json(app.admin("POST", "/api/admin/articles", article("\"featuredPhoto\": " + photo.id())))
                .get("id").asLong();
        var badPut = app.admin("PUT", "/api/admin/articles/" + id,
                article("\"featuredPhoto\": 999").replace("観艦式", "書き換え"));
        assertThat(badPut.statusCode()).isEqualTo(400);
        var kept = app.kiji.articles.find(id).orElseThrow();
        assertThat(kept.title()).isEqualTo("観艦式を公開(10月21日)");
        assertThat(kept.featuredPhotoId()).contains(photo.id());

        for (var bad : new String[] {"\"abc\"", "-1", "1.5", "{\"url\": \"/media/1/960.jpg\"}", "[1]"}) {
            var res = app.admin("POST", "/api/admin/articles", article("\"featuredPhoto\": " + bad));
            assertThat(res.statusCode()).as(bad).isEqualTo(400);
            assertThat(json(res).get("fields").get("featuredPhoto").asText()).as(bad).startsWith("must be a photo id");
        }
        assertThat(json(app.admin("GET", "/api/admin/articles", null)).get("total").asLong()).isEqualTo(1);
    }

    private static String article(String photoField) {
        return """
                {"title": "観艦式を公開(10月21日)", "body": "本文", "category": "japan-defense", "status": "published",
                 "publishedAt": "2024-10-21T10:58:00+09:00", %s}""".formatted(photoField);
    }

    static JsonNode json(HttpResponse<String> res) {
        try {
            return JSON.readTree(res.body());
        } catch (IOException e) {
            throw new UncheckedIOException(res.body(), e);
        }
    }
}
