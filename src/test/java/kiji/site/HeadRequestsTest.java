package kiji.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import kiji.app.Config;
import kiji.storage.Database;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HEAD answers what GET would, headers only — on every kind of answer, fast lane or not. */
class HeadRequestsTest {
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void head_mirrors_get_on_pages_feeds_and_the_api_with_and_without_the_fast_lane() throws Exception {
        for (boolean fastLane : List.of(true, false)) {
            try (var app = TestKiji.start(Config.defaults(dir.resolve("lane-" + fastLane)).withFastLane(fastLane),
                    Database.sqlite(dir.resolve("lane-" + fastLane)), MutableClock.at("2024-10-21T01:58:00Z"))) {
                var article = app.publish("防衛大臣が会談(10月17日)", "本文");
                var articlePath = app.kiji.permalinks.of(article);
                for (var path : List.of("/", articlePath, "/feed.xml", "/sitemap.xml", "/api/articles/" + article.id(),
                        "/search?q=防衛")) {
                    var get = app.get(path);
                    app.get(path); // the second GET is served from the render cache where the path is kept
                    var head = head(app, path);
                    var what = path + (fastLane ? " (fast lane)" : "");
                    assertThat(head.statusCode()).as(what).isEqualTo(get.statusCode()).isEqualTo(200);
                    assertThat(head.body()).as(what).isEmpty();
                    assertThat(head.headers().firstValue("Content-Type")).as(what)
                            .isEqualTo(get.headers().firstValue("Content-Type"));
                    assertThat(head.headers().firstValue("ETag")).as(what).isEqualTo(get.headers().firstValue("ETag"));
                    assertThat(head.headers().firstValue("Cache-Control")).as(what)
                            .isEqualTo(get.headers().firstValue("Cache-Control"));
                    assertThat(head.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
                    head.headers().firstValue("Content-Length").ifPresent(length -> assertThat(Long.parseLong(length))
                            .as(what).isEqualTo(get.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
                }
            }
        }
    }

    @Test
    void head_on_an_unknown_or_unpublished_article_is_404_like_get() throws Exception {
        try (var app = TestKiji.start(dir, MutableClock.at("2024-10-21T01:58:00Z"))) {
            app.publish("ある記事", "本文");
            assertThat(head(app, "/docs/mod/999999.html").statusCode()).isEqualTo(404);
            assertThat(head(app, "/api/articles/999999").statusCode()).isEqualTo(404);
            assertThat(head(app, "/docs/mod/abc.html").statusCode()).isEqualTo(app.get("/docs/mod/abc.html").statusCode());
        }
    }

    private HttpResponse<String> head(TestKiji app, String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(app.url(path)))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
