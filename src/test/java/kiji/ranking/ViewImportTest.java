package kiji.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ViewImportTest extends OneArticleSite {
    @Override
    String title() {
        return "移行した記事";
    }

    @Test
    void an_import_counts_views_drops_bots_and_repeats_and_answers_the_counts() throws Exception {
        var body = String.join("\n",
                "{\"articleId\": " + id + ", \"at\": \"2024-10-21T01:00:00Z\", \"views\": 40}",
                "{\"articleId\": " + id + ", \"at\": \"2024-10-21T01:05:00Z\", \"visitor\": \"v1\", \"userAgent\": \"" + Views.CHROME + "\"}",
                "{\"articleId\": " + id + ", \"at\": \"2024-10-21T01:20:00Z\", \"visitor\": \"v1\"}",
                "{\"articleId\": " + id + ", \"at\": \"2024-10-21T01:35:00Z\", \"visitor\": \"v1\"}",
                "{\"articleId\": " + id + ", \"at\": \"2024-10-21T02:00:00+09:00\", \"userAgent\": \"Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)\", \"views\": 3}",
                "");
        var r = app.admin("POST", "/api/admin/views/import", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var json = new ObjectMapper().readTree(r.body());
        assertThat(json.get("lines").asLong()).isEqualTo(5);
        assertThat(json.get("counted").asLong()).isEqualTo(42);
        assertThat(json.get("bots").asLong()).isEqualTo(3);
        assertThat(json.get("repeats").asLong()).isEqualTo(1);
        assertThat(Rankings.viewsOf(app, "?window=24h", id)).isEqualTo(42);
    }

    @Test
    void a_file_with_invalid_lines_is_rejected_whole_listing_each_line_and_counting_nothing() throws Exception {
        app.admin("POST", "/api/admin/views/import", "{\"articleId\": " + id + ", \"at\": \"2024-10-21T01:00:00Z\"}");
        var before = app.kiji.ranking.store().totalViews();
        var body = String.join("\n",
                "{\"articleId\": " + id + ", \"at\": \"2024-10-21T01:00:00Z\", \"views\": 5}",
                "{not json",
                "{\"articleId\": 999999, \"at\": \"2024-10-21T01:00:00Z\"}",
                "{\"articleId\": " + id + ", \"at\": \"21 Oct 2024\"}",
                "{\"articleId\": " + id + ", \"at\": \"2024-10-21T01:00:00Z\", \"views\": 0}");
        var r = app.admin("POST", "/api/admin/views/import", body);
        assertThat(r.statusCode()).isEqualTo(400);
        var errors = new ObjectMapper().readTree(r.body()).get("errors");
        assertThat(errors).hasSize(4);
        assertThat(errors.get(0).get("line").asLong()).isEqualTo(2);
        assertThat(errors.get(1).get("line").asLong()).isEqualTo(3);
        assertThat(errors.get(1).get("reason").asText()).contains("unknown article");
        assertThat(errors.get(2).get("line").asLong()).isEqualTo(4);
        assertThat(errors.get(3).get("line").asLong()).isEqualTo(5);
        assertThat(errors.get(3).get("reason").asText()).contains("views");
        assertThat(app.kiji.ranking.store().totalViews()).isEqualTo(before).isEqualTo(1);
    }

    @Test
    void the_import_needs_an_admin_token() {
        var r = app.get("/api/admin/views/import");
        assertThat(r.statusCode()).isIn(401, 405);
        var post = app.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url("/api/admin/views/import")))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(post.statusCode()).isEqualTo(401);
    }
}
