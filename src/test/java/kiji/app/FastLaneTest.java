package kiji.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kiji.storage.Database;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast lane answers exactly as Javalin does: two Kijis on the same content and clock, one
 * with the lane and one without, get the same requests and must give the same status, headers
 * (all but Date and the framing) and bytes.
 */
class FastLaneTest {
    private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    /** Framing and the clock's second: not part of what the answer says. */
    private static final Set<String> FRAMING = Set.of("date", "content-length", "transfer-encoding");

    @TempDir
    Path dir;

    private TestKiji lane;
    private TestKiji javalin;
    private long articleId;
    private String articlePath;

    @BeforeEach
    void start() {
        lane = start(dir.resolve("lane"), true);
        javalin = start(dir.resolve("javalin"), false);
        for (var app : List.of(lane, javalin)) {
            var a = app.publish("速報:護衛艦が入港(11月25日)", "本文。".repeat(400)); // large enough to compress
            app.publish("短い記事", "短い本文");
            articleId = a.id();
            articlePath = app.kiji.permalinks.of(a);
        }
    }

    private static TestKiji start(Path data, boolean fastLane) {
        var config = Config.defaults(data).withRanking(new kiji.ranking.RankingSettings(
                kiji.ranking.TrustedProxies.parse("127.0.0.1"), false)).withFastLane(fastLane);
        return TestKiji.start(config, Database.sqlite(data), MutableClock.at("2024-10-21T03:10:00Z"));
    }

    @AfterEach
    void stop() {
        lane.close();
        javalin.close();
    }

    @Test
    void cached_pages_feeds_and_api_answers_are_the_same_with_and_without_the_lane() {
        var paths = List.of("/", articlePath, "/category/japan-defense", "/feed.xml", "/atom.xml", "/sitemap.xml",
                "/robots.txt", "/api/articles", "/api/articles/" + articleId, "/?page=2", "/no/such/page");
        for (var path : paths) {
            var etag = send(lane, get(path)).headers().firstValue("ETag").orElse("\"none\"");
            send(javalin, get(path)); // both now hold the answer, if it is kept
            for (var headers : List.of(List.<String>of(), List.of("Accept-Encoding", "gzip"),
                    List.of("Accept-Encoding", "br, gzip"), List.of("Accept-Encoding", "gzip;q=0, deflate"),
                    List.of("If-None-Match", etag), List.of("If-None-Match", "\"other\""),
                    List.of("If-Modified-Since", "Mon, 21 Oct 2024 03:10:00 GMT"))) {
                assertSame(get(path, headers.toArray(String[]::new)), path + " " + headers);
            }
            assertSame(HttpRequest.newBuilder(URI.create(lane.url(path))).method("HEAD", HttpRequest.BodyPublishers.noBody()),
                    "HEAD " + path);
        }
    }

    @Test
    void the_lane_itself_answers_a_kept_page() {
        send(lane, get(articlePath));
        // Javalin streams a large page in chunks; the lane writes it whole, with its length
        assertThat(send(javalin, get(articlePath)).headers().firstValue("Content-Length")).isEmpty();
        send(javalin, get(articlePath));
        assertThat(send(javalin, get(articlePath)).headers().firstValue("Content-Length")).isEmpty();
        var fromLane = send(lane, get(articlePath));
        assertThat(fromLane.headers().firstValue("Content-Length")).contains(String.valueOf(fromLane.body().length));
    }

    @Test
    void beacons_get_the_same_answers_and_counts_with_and_without_the_lane() {
        var bodies = List.of("{\"articleId\": " + articleId + "}", "{\"articleId\": 99999}", "xx", "{\"articleId\": -1}",
                "{\"articleId\": 1.5}", "{}", "x".repeat(1100), "");
        for (var body : bodies) {
            assertSame(beacon(body, CHROME), "beacon " + body.length() + " bytes: " + body.substring(0, Math.min(30, body.length())));
        }
        var counted = "{\"articleId\": " + articleId + "}";
        assertSame(beacon(counted, "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"), "bot");
        assertSame(beacon(counted, CHROME), "repeat");
        assertSame(beacon(counted, CHROME, "X-Forwarded-For", "203.0.113.7"), "forwarded reader");
        assertSame(beacon(counted, CHROME, "X-Forwarded-For", "203.0.113.7"), "forwarded repeat");
        assertSame(beacon(counted, CHROME + " other", "Cookie", "kiji_session=abc"), "editor");
        assertSame(HttpRequest.newBuilder(URI.create(lane.url("/api/views"))).GET(), "GET /api/views");

        for (var app : List.of(lane, javalin)) app.kiji.ranking.refresh();
        assertSame(get("/api/ranking?window=1h"), "ranking after the beacons");
        assertThat(send(lane, get("/api/ranking?window=1h")).body()).asString().contains("\"views\":2");
    }

    @Test
    void ranking_api_answers_are_the_same_with_and_without_the_lane() {
        for (var app : List.of(lane, javalin)) {
            for (int i = 1; i <= 12; i++) {
                var a = app.publish("防衛装備品の調達に関する説明会を開催(11月" + i + "日)・統合幕僚監部", "本文");
                for (int reader = 0; reader < i; reader++) {
                    send(app, beacon("{\"articleId\": " + a.id() + "}", CHROME + " reader/" + reader));
                }
            }
            app.kiji.ranking.refresh();
        }
        var ranking = send(lane, get("/api/ranking?limit=12"));
        assertThat(ranking.body().length).as("large enough to be compressed").isGreaterThan(1500);
        var etag = ranking.headers().firstValue("ETag").orElseThrow();
        for (var query : List.of("", "?limit=12", "?window=1h", "?window=7d&limit=3", "?window=30d&category=japan-defense",
                "?at=2024-10-21T03:00:00Z", "?window=bad", "?limit=0", "?limit=x", "?at=yesterday", "?category=BAD!",
                "?window=24h&window=7d", "?limit=%31%32")) {
            for (var headers : List.of(List.<String>of(), List.of("Accept-Encoding", "gzip"),
                    List.of("Accept-Encoding", "br, gzip"), List.of("Accept-Encoding", "deflate"),
                    List.of("If-None-Match", etag), List.of("If-None-Match", etag.substring(2)))) {
                assertSame(get("/api/ranking" + query, headers.toArray(String[]::new)), "/api/ranking" + query + " " + headers);
            }
        }
    }

    private HttpRequest.Builder beacon(String body, String userAgent, String... headers) {
        var b = HttpRequest.newBuilder(URI.create(lane.url("/api/views"))).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "text/plain;charset=UTF-8").header("User-Agent", userAgent);
        if (headers.length > 0) b.headers(headers);
        return b;
    }

    private HttpRequest.Builder get(String path, String... headers) {
        var b = HttpRequest.newBuilder(URI.create(lane.url(path))).GET();
        if (headers.length > 0) b.headers(headers);
        return b;
    }

    /** Sends the request to both Kijis over HTTP/1.1 and over h2c, and compares the answers. */
    private void assertSame(HttpRequest.Builder request, String what) {
        for (var version : List.of(HttpClient.Version.HTTP_1_1, HttpClient.Version.HTTP_2)) {
            var built = request.copy().version(version).build();
            var fromLane = send(lane, built);
            var fromJavalin = send(javalin, HttpRequest.newBuilder(built, (n, v) -> true)
                    .uri(URI.create(javalin.url(built.uri().getRawPath()
                            + (built.uri().getRawQuery() == null ? "" : "?" + built.uri().getRawQuery()))))
                    .build());
            assertThat(fromLane.statusCode()).as(what + " " + version).isEqualTo(fromJavalin.statusCode());
            assertThat(headers(fromLane)).as(what + " " + version).isEqualTo(headers(fromJavalin));
            assertThat(fromLane.body()).as(what + " " + version).isEqualTo(fromJavalin.body());
        }
    }

    private static Map<String, List<String>> headers(HttpResponse<?> response) {
        var kept = new TreeMap<String, List<String>>();
        response.headers().map().forEach((name, values) -> {
            if (!FRAMING.contains(name.toLowerCase()) && !name.startsWith(":")) kept.put(name.toLowerCase(), values);
        });
        return kept;
    }

    private static HttpResponse<byte[]> send(TestKiji app, HttpRequest.Builder request) {
        var built = request.build();
        return send(app, HttpRequest.newBuilder(built, (n, v) -> true).uri(URI.create(app.url(built.uri().getRawPath()
                + (built.uri().getRawQuery() == null ? "" : "?" + built.uri().getRawQuery())))).build());
    }

    private static HttpResponse<byte[]> send(TestKiji app, HttpRequest request) {
        try (var http = HttpClient.newBuilder().version(request.version().orElse(HttpClient.Version.HTTP_1_1)).build()) {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
