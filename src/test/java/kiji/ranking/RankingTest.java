package kiji.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kiji.article.Article;
import kiji.article.ArticleDraft;
import kiji.article.Status;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RankingTest {
    @TempDir
    Path dir;

    MutableClock clock = MutableClock.at("2024-10-20T00:00:00Z");
    TestKiji app;
    int reader;

    @BeforeEach
    void start() {
        app = TestKiji.start(dir, clock);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private void viewAt(String instant, long articleId, int count) {
        clock.set(Instant.parse(instant));
        for (int i = 0; i < count; i++) Views.beacon(app, articleId, Views.reader(reader++));
    }

    private List<Rankings.Entry> rankingAt(String window, String at) {
        clock.set(Instant.parse(at));
        return Rankings.entries(app, "?window=" + window + "&limit=100");
    }

    @Test
    void the_24h_window_starts_exactly_at_the_full_hour_23_hours_before_the_instants_hour() {
        var a = app.publish("記事A(10月20日)", "本文").id();
        viewAt("2024-10-20T13:59:59Z", a, 1); // before the window of 2024-10-21T13:xx
        viewAt("2024-10-20T14:00:00Z", a, 2); // first second of the window
        viewAt("2024-10-21T13:59:59Z", a, 4); // last second of the window
        viewAt("2024-10-21T14:00:00Z", a, 8); // next bucket: after the window
        assertThat(rankingAt("24h", "2024-10-21T13:00:00Z")).containsExactly(new Rankings.Entry(a, 6));
        assertThat(rankingAt("24h", "2024-10-21T13:59:59Z")).containsExactly(new Rankings.Entry(a, 6));
        assertThat(rankingAt("24h", "2024-10-21T14:00:00Z")).containsExactly(new Rankings.Entry(a, 12));
        assertThat(rankingAt("1h", "2024-10-21T14:30:00Z")).containsExactly(new Rankings.Entry(a, 8));
    }

    @Test
    void a_ranking_at_a_past_instant_counts_that_window_and_not_the_views_after_it() {
        var a = app.publish("記事A", "本文").id();
        var b = app.publish("記事B", "本文").id();
        viewAt("2024-10-20T09:15:00Z", a, 3);
        viewAt("2024-10-20T10:15:00Z", b, 5); // after `at`'s bucket
        clock.set(Instant.parse("2024-10-25T00:00:00Z"));
        var json = Rankings.json(app, "?window=24h&at=2024-10-20T09:30:00Z");
        assertThat(json.get("at").asText()).isEqualTo("2024-10-20T09:30:00Z");
        assertThat(json.get("from").asText()).isEqualTo("2024-10-19T10:00:00Z");
        assertThat(json.get("to").asText()).isEqualTo("2024-10-20T10:00:00Z");
        assertThat(Rankings.entries(app, "?window=24h&at=2024-10-20T09:30:00Z"))
                .containsExactly(new Rankings.Entry(a, 3));
        assertThat(Rankings.entries(app, "?window=7d&at=2024-10-20T10:30:00Z"))
                .containsExactly(new Rankings.Entry(b, 5), new Rankings.Entry(a, 3));
    }

    @Test
    void an_old_article_ranks_by_views_inside_the_window_whatever_its_publication_date() {
        var old = app.publish("8月の記事", "本文").id(); // published 2024-10-20
        clock.set(Instant.parse("2024-11-20T00:00:00Z"));
        var fresh = app.publish("新しい記事", "本文").id();
        viewAt("2024-11-20T01:00:00Z", old, 3);
        viewAt("2024-11-20T01:00:00Z", fresh, 2);
        assertThat(rankingAt("24h", "2024-11-20T02:00:00Z"))
                .containsExactly(new Rankings.Entry(old, 3), new Rankings.Entry(fresh, 2));
    }

    @Test
    void an_unpublished_article_is_hidden_and_returns_with_its_counts_when_republished() {
        var a = app.publish("記事A", "本文");
        var b = app.publish("記事B", "本文").id();
        viewAt("2024-10-20T01:00:00Z", a.id(), 4);
        viewAt("2024-10-20T01:00:00Z", b, 1);
        setStatus(a, Status.DRAFT);
        assertThat(rankingAt("24h", "2024-10-20T02:00:00Z")).containsExactly(new Rankings.Entry(b, 1));
        setStatus(a, Status.PUBLISHED);
        assertThat(rankingAt("24h", "2024-10-20T02:00:00Z"))
                .containsExactly(new Rankings.Entry(a.id(), 4), new Rankings.Entry(b, 1));
    }

    private void setStatus(Article a, Status status) {
        app.kiji.articleService.update(a.id(), new ArticleDraft(Optional.empty(), a.title(), a.lead(), a.body(),
                a.category().slug(), a.tags(), a.authors(), status, a.publishedAt()));
    }

    @Test
    void a_category_filter_lists_only_that_categorys_articles() {
        app.category("personnel", "人事発令", "jinji");
        var defense = app.publish("防衛の記事", "本文").id();
        var personnel = app.kiji.articleService.create(new ArticleDraft(Optional.empty(), "人事の記事", "", "本文",
                "personnel", List.of(), List.of(), Status.PUBLISHED, Optional.of(clock.instant()))).id();
        viewAt("2024-10-20T01:00:00Z", defense, 5);
        viewAt("2024-10-20T01:00:00Z", personnel, 2);
        clock.set(Instant.parse("2024-10-20T02:00:00Z"));
        assertThat(Rankings.entries(app, "?window=24h&category=personnel"))
                .containsExactly(new Rankings.Entry(personnel, 2));
        assertThat(Rankings.entries(app, "?window=24h&category=japan-defense"))
                .containsExactly(new Rankings.Entry(defense, 5));
        assertThat(app.get("/api/ranking?window=24h&category=no-such-category").statusCode())
                .as("a category the site does not have is a 404, as its page is").isEqualTo(404);
    }

    @Test
    void ties_go_to_the_more_recently_published_then_to_the_higher_id() {
        var first = app.publish("最初", "本文").id();
        clock.advance(Duration.ofMinutes(5));
        var later = app.publish("後から", "本文").id();
        clock.set(Instant.parse("2024-10-20T00:00:00Z"));
        var sameTimeHigherId = app.publish("同時刻", "本文").id(); // same publishedAt as `first`, higher id
        viewAt("2024-10-20T01:00:00Z", first, 2);
        viewAt("2024-10-20T01:00:00Z", later, 2);
        viewAt("2024-10-20T01:00:00Z", sameTimeHigherId, 2);
        assertThat(rankingAt("24h", "2024-10-20T02:00:00Z")).extracting(Rankings.Entry::articleId)
                .containsExactly(later, sameTimeHigherId, first);
    }

    @Test
    void the_limit_cuts_the_list_and_the_ranks_count_from_one() {
        for (int i = 1; i <= 12; i++) viewAt("2024-10-20T01:00:00Z", app.publish("記事" + i, "本文").id(), i);
        clock.set(Instant.parse("2024-10-20T02:00:00Z"));
        var json = Rankings.json(app, "?window=24h&limit=3");
        assertThat(json.get("items")).hasSize(3);
        assertThat(json.get("items").get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(json.get("items").get(0).get("views").asLong()).isEqualTo(12);
        assertThat(json.get("items").get(0).get("url").asText()).startsWith("/docs/mod/");
        assertThat(json.get("items").get(0).get("publishedAt").asText()).isEqualTo("2024-10-20T01:00:00Z");
        assertThat(Rankings.json(app, "?window=24h").get("items")).hasSize(10);
    }
}
