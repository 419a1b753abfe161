package kiji.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Pattern;
import kiji.app.Config;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases;
import kiji.testing.TestDatabases.Engine;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code GET /metrics}: Prometheus text for an admin token only, counting what readers did. */
class MetricsTest {
    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at("2024-12-01T03:00:00Z");

    @ParameterizedTest
    @EnumSource(Engine.class)
    void metrics_count_requests_per_group_views_the_render_cache_and_the_pool(Engine engine) {
        try (var app = TestKiji.start(Config.defaults(dir), TestDatabases.open(engine, dir), clock)) {
            var article = app.publish("空自の編隊飛行(12月1日)", "本文");
            var path = app.kiji.permalinks.of(article);
            app.get(path); // rendered
            app.get(path); // kept: the fast lane answers
            app.get("/no/such/page");
            beacon(app, article.id(), "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0");
            beacon(app, article.id(), "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0"); // the same reader again
            beacon(app, article.id(), "Googlebot/2.1 (+http://www.google.com/bot.html)");

            var res = app.get("/metrics", "Authorization", "Bearer " + app.token);
            assertThat(res.statusCode()).isEqualTo(200);
            assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(v ->
                    assertThat(v).startsWith("text/plain; version=0.0.4"));
            var text = res.body();
            assertThat(value(text, "kiji_http_requests_seconds_count{group=\"page\",status=\"2xx\"}")).isEqualTo(2);
            assertThat(value(text, "kiji_http_requests_seconds_count{group=\"page\",status=\"4xx\"}")).isEqualTo(1);
            assertThat(value(text, "kiji_http_requests_seconds_count{group=\"beacon\",status=\"2xx\"}")).isEqualTo(3);
            assertThat(value(text, "kiji_http_requests_seconds_sum{group=\"page\",status=\"2xx\"}")).isPositive();
            assertThat(value(text, "kiji_views_total{outcome=\"accepted\"}")).isEqualTo(1);
            assertThat(value(text, "kiji_views_total{outcome=\"repeat\"}")).isEqualTo(1);
            assertThat(value(text, "kiji_views_total{outcome=\"bot\"}")).isEqualTo(1);
            assertThat(value(text, "kiji_render_cache_hits_total")).isEqualTo(1);
            assertThat(value(text, "kiji_render_cache_misses_total")).isEqualTo(1);
            assertThat(value(text, "kiji_render_cache_hit_ratio")).isEqualTo(0.5);
            assertThat(value(text, "kiji_views_flush_lag_seconds")).isBetween(0.0, 5.0);
            assertThat(text).contains("hikaricp_connections_active{pool=\"kiji-" + engine.name().toLowerCase() + "\"}");

            // the scrape itself is counted, in its own group
            var again = app.get("/metrics", "Authorization", "Bearer " + app.token).body();
            assertThat(value(again, "kiji_http_requests_seconds_count{group=\"operations\",status=\"2xx\"}")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void latency_histograms_per_group_and_status_class_add_up_to_the_request_counts(Engine engine) {
        try (var app = TestKiji.start(Config.defaults(dir), TestDatabases.open(engine, dir), clock)) {
            var article = app.publish("防衛装備展の開催について", "本文");
            var path = app.kiji.permalinks.of(article);
            app.get(path);
            app.get(path);
            app.get("/no/such/page");
            assertThat(app.get("/search?q=" + java.net.URLEncoder.encode("防衛", java.nio.charset.StandardCharsets.UTF_8))
                    .statusCode()).isEqualTo(200);
            assertThat(app.get("/api/admin/search/reindex").statusCode()).isGreaterThanOrEqualTo(400);

            var text = app.get("/metrics", "Authorization", "Bearer " + app.token).body();
            assertThat(text).contains("# TYPE kiji_http_request_duration_seconds histogram");
            assertThat(histogramCount(text, "page", "2xx")).isEqualTo(2);
            assertThat(histogramCount(text, "page", "4xx")).isEqualTo(1);
            assertThat(histogramCount(text, "search", "2xx")).isEqualTo(1);
            assertThat(histogramCount(text, "admin_api", "4xx")).isEqualTo(1);
            assertThat(histogramCount(text, "search", "5xx")).isZero();
            for (var group : RouteGroup.values()) {
                for (var status : RequestMetrics.CLASSES) {
                    var labels = "group=\"" + group.label + "\",status=\"" + status + "\"";
                    double previous = 0;
                    for (double le : LatencyBuckets.SECONDS) {
                        double n = value(text, "kiji_http_request_duration_seconds_bucket{" + labels + ",le=\""
                                + (Double.isInfinite(le) ? "+Inf" : Double.toString(le)) + "\"}");
                        assertThat(n).as(labels + " le " + le).isGreaterThanOrEqualTo(previous);
                        previous = n;
                    }
                    assertThat(value(text, "kiji_http_request_duration_seconds_count{" + labels + "}"))
                            .as(labels).isEqualTo(previous)
                            .isEqualTo(value(text, "kiji_http_requests_seconds_count{" + labels + "}"));
                }
            }
            assertThat(value(text, "kiji_http_request_duration_seconds_sum{group=\"search\",status=\"2xx\"}"))
                    .isPositive();
        }
    }

    @Test
    void a_time_falls_in_the_first_bucket_whose_bound_it_does_not_exceed() {
        assertThat(LatencyBuckets.indexOf(0)).isZero();
        assertThat(LatencyBuckets.indexOf(1_000_000)).isZero();
        assertThat(LatencyBuckets.indexOf(1_000_001)).isEqualTo(1);
        assertThat(LatencyBuckets.indexOf(5_000_000_000L)).isEqualTo(LatencyBuckets.SECONDS.length - 2);
        assertThat(LatencyBuckets.indexOf(5_000_000_001L)).isEqualTo(LatencyBuckets.SECONDS.length - 1);
    }

    private static double histogramCount(String text, String group, String status) {
        return value(text, "kiji_http_request_duration_seconds_bucket{group=\"" + group + "\",status=\"" + status
                + "\",le=\"+Inf\"}");
    }

    @Test
    void metrics_need_an_admin_token_on_the_main_port_and_on_the_metrics_port() throws Exception {
        try (var app = TestKiji.start(dir, clock)) {
            assertThat(app.get("/metrics").statusCode()).isEqualTo(401);
            assertThat(app.get("/metrics", "Authorization", "Bearer kiji_0000").statusCode()).isEqualTo(401);

            var port = app.kiji.serveMetricsOn(0);
            var http = kiji.testing.TestKiji.http11();
            var url = URI.create("http://127.0.0.1:" + port.port() + "/metrics");
            assertThat(http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(401);
            var ok = http.send(HttpRequest.newBuilder(url).header("Authorization", "Bearer " + app.token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("kiji_render_cache_hit_ratio");
            var other = URI.create("http://127.0.0.1:" + port.port() + "/");
            assertThat(http.send(HttpRequest.newBuilder(other).header("Authorization", "Bearer " + app.token).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        }
    }

    private static void beacon(TestKiji app, long id, String userAgent) {
        var res = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/views")))
                .POST(HttpRequest.BodyPublishers.ofString("{\"articleId\": " + id + "}"))
                .header("Content-Type", "text/plain;charset=UTF-8").header("User-Agent", userAgent).build());
        assertThat(res.statusCode()).isEqualTo(204);
    }

    /** The sample's value in Prometheus text; fails when the series is missing. */
    private static double value(String text, String series) {
        var m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        assertThat(m.find()).as(series + " in\n" + text).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
