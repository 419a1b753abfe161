package kiji.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ViewCountingTest extends OneArticleSite {

    @Test
    void beacon_answers_204_and_counts_a_reader() {
        var r = Views.beacon(app, id, Views.CHROME);
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(Rankings.viewsOf(app, "?window=1h", id)).isEqualTo(1);
    }

    @Test
    void unknown_article_is_404_json_and_malformed_bodies_are_400() {
        var unknown = Views.beacon(app, 999_999, Views.CHROME);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"error\"");
        for (var body : new String[] {"", "not json", "{}", "{\"articleId\": \"7\"}", "{\"articleId\": -1}",
                "{\"articleId\": 1.5}", "[1]", "{\"articleId\": " + "9".repeat(2000) + "}"}) {
            var r = Views.post(app, body, Views.CHROME);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(r.body()).as(body).contains("\"error\"");
        }
    }

    @Test
    void repeat_inside_30_minutes_is_not_counted_and_the_wait_runs_from_the_last_counted_view() {
        Views.beacon(app, id, Views.IPHONE); // 03:10:00 counted
        clock.advance(Duration.ofMinutes(20));
        Views.beacon(app, id, Views.IPHONE); // 03:30:00 repeat: does not move the wait
        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        Views.beacon(app, id, Views.IPHONE); // 03:39:59 still a repeat
        assertThat(Rankings.viewsOf(app, "?window=1h", id)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        Views.beacon(app, id, Views.IPHONE); // 03:40:00, 30 minutes after the counted view: counts
        assertThat(Rankings.viewsOf(app, "?window=1h", id)).isEqualTo(2);
    }

    @Test
    void another_reader_at_the_same_time_counts() {
        Views.beacon(app, id, Views.IPHONE);
        Views.beacon(app, id, Views.CHROME);
        assertThat(Rankings.viewsOf(app, "?window=1h", id)).isEqualTo(2);
    }

    @Test
    void bots_and_automation_and_an_empty_user_agent_are_not_counted() {
        var bots = new String[] {
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Googlebot/2.1; +http://www.google.com/bot.html) Chrome/131.0.6778.204 Safari/537.36",
            "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
            "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
            "python-requests/2.32.3",
            ""
        };
        for (var ua : bots) assertThat(Views.beacon(app, id, ua).statusCode()).as(ua).isEqualTo(204);
        assertThat(Rankings.viewsOf(app, "?window=1h", id)).isZero();
    }

    @Test
    void an_editor_with_a_newsroom_session_is_not_counted() {
        Views.beacon(app, id, Views.CHROME, "Cookie", "kiji_session=abc");
        assertThat(Rankings.viewsOf(app, "?window=1h", id)).isZero();
    }

    @Test
    void views_of_an_unpublished_article_are_not_counted() {
        var draft = app.kiji.articleService.create(new kiji.article.ArticleDraft(java.util.Optional.empty(), "下書き", "",
                "本文", "japan-defense", java.util.List.of(), java.util.List.of(), kiji.article.Status.DRAFT,
                java.util.Optional.empty()));
        assertThat(Views.beacon(app, draft.id(), Views.CHROME).statusCode()).isEqualTo(204);
        assertThat(app.kiji.ranking.store().totalViews()).isZero();
    }

    @Test
    void forwarded_for_is_ignored_from_an_untrusted_peer() {
        Views.beacon(app, id, Views.CHROME, "X-Forwarded-For", "203.0.113.1");
        Views.beacon(app, id, Views.CHROME, "X-Forwarded-For", "203.0.113.2");
        assertThat(Rankings.viewsOf(app, "?window=1h", id)).isEqualTo(1);
    }
}
