package kiji.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpCachingTest {
    @TempDir
    Path dir;

    @Test
    void matching_if_none_match_answers_304_without_a_body() {
        try (var app = TestKiji.start(dir, MutableClock.at("2024-10-21T01:58:00Z"))) {
            app.publish("防衛大臣が会談(10月17日)", "本文");
            for (var path : List.of("/", "/docs/mod/000001.html", "/category/japan-defense", "/feed.xml", "/atom.xml",
                    "/sitemap.xml", "/api/articles", "/api/articles/1")) {
                var first = app.get(path);
                assertThat(first.statusCode()).as(path).isEqualTo(200);
                var etag = first.headers().firstValue("ETag").orElseThrow();
                assertThat(first.headers().firstValue("Last-Modified")).as(path).isPresent();
                assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).as(path).contains("s-maxage=");
                var again = app.get(path, "If-None-Match", etag);
                assertThat(again.statusCode()).as(path).isEqualTo(304);
                assertThat(again.body()).isEmpty();
                assertThat(app.get(path, "If-None-Match", "\"other\"").statusCode()).as(path).isEqualTo(200);
                var lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
                assertThat(app.get(path, "If-Modified-Since", lastModified).statusCode()).as(path).isEqualTo(304);
            }
        }
    }

    @Test
    void publishing_changes_the_home_etag_and_the_feed_at_once() {
        try (var app = TestKiji.start(dir, MutableClock.at("2024-10-21T01:58:00Z"))) {
            app.publish("最初の記事", "本文");
            var home = app.get("/");
            var etag = home.headers().firstValue("ETag").orElseThrow();
            assertThat(app.get("/feed.xml").body()).doesNotContain("二本目の記事");
            assertThat(app.get("/", "If-None-Match", etag).statusCode()).isEqualTo(304);

            app.publish("二本目の記事", "本文");

            var after = app.get("/", "If-None-Match", etag);
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(after.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
            assertThat(after.body()).contains("二本目の記事");
            assertThat(app.get("/feed.xml").body()).contains("二本目の記事");
            assertThat(app.get("/atom.xml").body()).contains("二本目の記事");
        }
    }

    @Test
    void unpublishing_an_article_changes_its_category_listing_validator() {
        try (var app = TestKiji.start(dir, MutableClock.at("2024-10-21T01:58:00Z"))) {
            var a = app.publish("取り下げる記事", "本文");
            var etag = app.get("/category/japan-defense").headers().firstValue("ETag").orElseThrow();
            var response = app.admin("PUT", "/api/admin/articles/" + a.id(), """
                    {"title":"取り下げる記事","body":"本文","category":"japan-defense","status":"draft"}""");
            assertThat(response.statusCode()).isEqualTo(200);
            var after = app.get("/category/japan-defense", "If-None-Match", etag);
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(after.body()).doesNotContain("取り下げる記事");
            assertThat(app.get("/docs/mod/000001.html").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void a_changed_ranking_widget_changes_the_page_and_its_etag() throws Exception {
        var widget = new AtomicReference<>(RankingWidget.empty());
        var renders = new AtomicInteger();
        var clock = MutableClock.at("2024-10-21T01:58:00Z");
        var cache = new RenderCache(List.of(new RenderCache.Rule(RenderCache.Rule.Match.EXACT, "/", "public, max-age=60")),
                widget::get, clock, 1 << 20, Duration.ofSeconds(60));
        var web = Javalin.create(config -> {
            cache.register(config.routes);
            config.routes.get("/", ctx -> ctx.html("render " + renders.incrementAndGet() + " " + widget.get()));
        }).start("127.0.0.1", 0);
        try {
            var http = kiji.testing.TestKiji.http11();
            var uri = URI.create("http://127.0.0.1:" + web.port() + "/");
            var first = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            var cached = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(cached.body()).isEqualTo(first.body());
            assertThat(renders).hasValue(1);

            widget.set(new RankingWidget(List.of(new RankingWidget.Tab("24h", "24時間",
                    List.of(new RankingWidget.Item(1, 7, "読まれた記事", "/docs/mod/000007.html", 120))))));
            var etag = first.headers().firstValue("ETag").orElseThrow();
            var after = http.send(HttpRequest.newBuilder(uri).header("If-None-Match", etag).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(after.body()).contains("読まれた記事");
            assertThat(after.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);

            clock.advance(Duration.ofSeconds(61)); // past the time-to-live: rendered again
            http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(renders).hasValue(3);
        } finally {
            web.stop();
        }
    }

    @Test
    void assets_have_fingerprinted_names_and_a_year_of_immutable_caching() {
        try (var app = TestKiji.start(dir, MutableClock.at("2024-10-21T01:58:00Z"))) {
            var css = StaticAssets.url("kiji.css");
            assertThat(css).matches("/assets/kiji\\.[0-9a-f]{10}\\.css");
            assertThat(app.get("/").body()).contains("<link rel=\"stylesheet\" href=\"" + css + "\">")
                    .contains("<script src=\"" + StaticAssets.url("kiji.js") + "\" defer></script>");
            var response = app.get(css);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
            assertThat(app.get("/assets/kiji.0000000000.css").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void static_files_keep_their_plain_names_an_hour_of_caching_and_an_etag() {
        try (var app = TestKiji.start(dir, MutableClock.at("2024-10-21T01:58:00Z"))) {
            var css = app.get("/static/newsroom/newsroom.css");
            assertThat(css.statusCode()).isEqualTo(200);
            assertThat(css.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");
            assertThat(css.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
            assertThat(css.body()).isNotEmpty();
            var etag = css.headers().firstValue("ETag").orElseThrow();
            assertThat(app.get("/static/newsroom/newsroom.css", "If-None-Match", etag).statusCode()).isEqualTo(304);
            assertThat(app.get("/static/newsroom/editor.js").headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("text/javascript");
            assertThat(app.get("/static/kiji-logo.png").headers().firstValue("Content-Type")).hasValue("image/png");
            for (var missing : List.of("/static/newsroom", "/static/newsroom/", "/static/nothing.css", "/static/.hidden.css",
                    "/static/newsroom/../kiji.css", "/static/%2e%2e/kiji.css")) {
                assertThat(app.get(missing).statusCode()).as(missing).isIn(400, 404);
            }
        }
    }

    @Test
    void pages_are_compressed_with_brotli_or_gzip_and_served_over_h2c() throws Exception {
        try (var app = TestKiji.start(dir, MutableClock.at("2024-10-21T01:58:00Z"))) {
            for (int i = 0; i < 5; i++) app.publish("圧縮される記事 " + i, "本文".repeat(200));
            var plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            var br = plain.send(HttpRequest.newBuilder(URI.create(app.url("/"))).header("Accept-Encoding", "br").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(br.headers().firstValue("Content-Encoding")).hasValue("br");
            var gzip = plain.send(HttpRequest.newBuilder(URI.create(app.url("/"))).header("Accept-Encoding", "gzip").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
            var unzipped = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzip.body()))
                    .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(unzipped).contains("圧縮される記事 4").contains("</html>");
            int n = com.aayushatharva.brotli4j.decoder.Decoder.decompress(br.body()).getDecompressedData().length;
            assertThat(n).isEqualTo(unzipped.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            var refused = plain.send(HttpRequest.newBuilder(URI.create(app.url("/"))).header("Accept-Encoding", "br;q=0, gzip;q=0")
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(refused.body()).contains("圧縮される記事 4");
            var h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()
                    .send(HttpRequest.newBuilder(URI.create(app.url("/"))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(h2.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(h2.body()).contains("圧縮される記事 4");
        }
    }
}
