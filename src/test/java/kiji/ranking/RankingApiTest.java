package kiji.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RankingApiTest {
    @TempDir
    Path dir;

    MutableClock clock = MutableClock.at("2024-10-21T03:10:00Z");
    TestKiji app;

    @BeforeEach
    void start() {
        app = TestKiji.start(dir, clock);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void bad_parameters_are_400_json_with_a_message() {
        for (var q : new String[] {"window=2d", "window=24H", "limit=0", "limit=101", "limit=ten", "at=yesterday",
                "at=2024-10-21", "category=%3Cscript%3E"}) {
            var r = app.get("/api/ranking?" + q);
            assertThat(r.statusCode()).as(q).isEqualTo(400);
            assertThat(r.body()).as(q).startsWith("{\"error\":");
        }
    }

    @Test
    void an_unknown_category_is_a_404_and_a_known_one_without_views_is_an_empty_ranking() {
        app.category("world", "国際", "world");
        for (int i = 0; i < 2; i++) { // the second answer would come from the ranking cache
            var unknown = app.get("/api/ranking?window=24h&category=nope");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).startsWith("{\"error\":").contains("nope");
        }
        var empty = app.get("/api/ranking?window=24h&category=world");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("\"items\":[]");
    }

    @Test
    void the_ranking_is_cacheable_for_at_most_30_seconds_and_answers_304_to_its_etag() {
        var id = app.publish("記事", "本文").id();
        Views.beacon(app, id, Views.CHROME);
        app.kiji.ranking.refresh();
        var r = app.get("/api/ranking?window=24h");
        var cacheControl = r.headers().firstValue("Cache-Control").orElseThrow();
        assertThat(cacheControl).startsWith("public, max-age=");
        assertThat(Integer.parseInt(cacheControl.replaceAll("\\D", ""))).isBetween(1, 30);
        var etag = r.headers().firstValue("ETag").orElseThrow();
        assertThat(app.get("/api/ranking?window=24h", "If-None-Match", etag).statusCode()).isEqualTo(304);

        Views.beacon(app, id, Views.IPHONE);
        app.kiji.ranking.refresh();
        var changed = app.get("/api/ranking?window=24h", "If-None-Match", etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
    }

    @Test
    void the_admin_series_lists_every_hour_with_its_views() throws Exception {
        var id = app.publish("記事", "本文").id();
        Views.beacon(app, id, Views.CHROME);
        clock.set(Instant.parse("2024-10-21T05:59:59Z"));
        Views.beacon(app, id, Views.CHROME);
        Views.beacon(app, id, Views.IPHONE);
        app.kiji.ranking.refresh();
        var r = app.admin("GET", "/api/admin/articles/" + id + "/views?from=2024-10-21T03:00:00Z&to=2024-10-21T06:00:00Z",
                null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"total\":3");
        var series = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).get("hours");
        assertThat(series).hasSize(3);
        assertThat(series.get(0).get("views").asLong()).isEqualTo(1);
        assertThat(series.get(1).get("views").asLong()).isZero();
        assertThat(series.get(2).get("hour").asText()).isEqualTo("2024-10-21T05:00:00Z");
        assertThat(series.get(2).get("views").asLong()).isEqualTo(2);
    }

    @Test
    void the_admin_series_needs_a_token_and_valid_parameters() {
        var id = app.publish("記事", "本文").id();
        assertThat(app.get("/api/admin/articles/" + id + "/views").statusCode()).isEqualTo(401);
        assertThat(app.admin("GET", "/api/admin/articles/999999/views", null).statusCode()).isEqualTo(404);
        assertThat(app.admin("GET", "/api/admin/articles/" + id + "/views?from=bad", null).statusCode()).isEqualTo(400);
        assertThat(app.admin("GET", "/api/admin/articles/" + id
                + "/views?from=2024-10-21T00:00:00Z&to=2024-10-20T00:00:00Z", null).statusCode()).isEqualTo(400);
    }
}
