package kiji.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;
import kiji.article.Article;
import kiji.article.ArticleFilter;
import kiji.article.PageRequest;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoContentTest {
    static final Instant NOW = Instant.parse("2024-10-21T01:58:00Z");

    @TempDir
    Path dir;

    @Test
    void demo_fills_an_empty_site_with_thirty_public_articles_in_four_categories_over_forty_days() {
        try (var app = TestKiji.start(dir, new MutableClock(NOW))) {
            DemoContent.fillIfEmpty(app.kiji);

            var articles = app.kiji.articles.list(ArticleFilter.all(), new PageRequest(1, 100), Optional.of(NOW)).items();
            assertThat(articles).hasSizeGreaterThanOrEqualTo(30);
            assertThat(articles.stream().map(a -> a.category().name()).collect(Collectors.toSet()))
                    .hasSizeGreaterThanOrEqualTo(4)
                    .contains("日本の防衛", "人事発令", "国際・同盟", "防衛装備");
            assertThat(articles).allSatisfy(a -> assertThat(a.publishedAt().orElseThrow())
                    .isBetween(NOW.minus(Duration.ofDays(40)), NOW));
        }
    }

    @Test
    void demo_articles_are_shaped_like_the_defense_site_pages() {
        try (var app = TestKiji.start(dir, new MutableClock(NOW))) {
            DemoContent.fillIfEmpty(app.kiji);
            var articles = app.kiji.articles.list(ArticleFilter.all(), new PageRequest(1, 100), Optional.of(NOW)).items();

            assertThat(articles).allSatisfy(a -> assertThat(a.bodyHtml())
                    .contains("<p class=\"end\">(以上)</p>")
                    .contains("<p class=\"note\">※本記事の人名・団体名・国名・数値は、すべて Kiji のデモのために創作した架空のものです。</p>")
                    .containsPattern("令和(元|\\d+)\\(\\d{4}\\)年\\d+月\\d+日"));
            assertThat(articles).filteredOn(a -> a.category().slug().equals("personnel"))
                    .hasSizeGreaterThanOrEqualTo(10)
                    .allSatisfy(a -> {
                        assertThat(a.title()).matches("人事発令 (令和\\d+年)?\\d+月\\d+日付け、.+人事\\((陸自|海自|空自)\\d+名.*\\)");
                        assertThat(a.bodyHtml()).contains("<table>");
                    });
            assertThat(articles).filteredOn(a -> !a.category().slug().equals("personnel") && !a.title().contains("レポート"))
                    .allSatisfy(a -> assertThat(a.title()).matches(".+\\(\\d+月\\d+日(・(\\d+月)?\\d+日)?\\)"));
            assertThat(articles).extracting(Article::title).anySatisfy(t -> assertThat(t).endsWith("レポート①"))
                    .anySatisfy(t -> assertThat(t).endsWith("レポート②")).anySatisfy(t -> assertThat(t).endsWith("レポート③"))
                    .anySatisfy(t -> assertThat(t).contains("事務総長と会談"));
            assertThat(articles).anySatisfy(a -> assertThat(a.bodyHtml()).contains("<blockquote>"));
        }
    }

    @Test
    void categories_are_interleaved_in_the_latest_articles() {
        try (var app = TestKiji.start(dir, new MutableClock(NOW))) {
            DemoContent.fillIfEmpty(app.kiji);
            var latest = app.kiji.articles.list(ArticleFilter.all(), new PageRequest(1, 8), Optional.of(NOW)).items();
            assertThat(latest.stream().map(a -> a.category().slug()).distinct()).hasSizeGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void demo_does_nothing_on_a_site_that_already_has_articles() {
        try (var app = TestKiji.start(dir, new MutableClock(NOW))) {
            app.publish("既存の記事(10月20日)", "本文です。");
            DemoContent.fillIfEmpty(app.kiji);
            assertThat(app.kiji.articles.list(ArticleFilter.all(), new PageRequest(1, 100), Optional.empty()).total())
                    .isEqualTo(1);
        }
    }
}
