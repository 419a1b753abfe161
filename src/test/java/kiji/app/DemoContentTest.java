package kiji.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import kiji.article.Article;
import kiji.article.ArticleFilter;
import kiji.article.PageRequest;
import kiji.ranking.RankingQuery;
import kiji.ranking.RankingWindow;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoContentTest {
    static final Instant NOW = Instant.parse("2024-10-21T01:58:00Z");

    @TempDir
    Path dir;

    @Test
    void demo_has_the_three_fixed_pages_every_news_site_has_in_its_footer() {
        try (var app = TestKiji.start(dir, new MutableClock(NOW))) {
            DemoContent.fillIfEmpty(app.kiji);
            assertThat(app.kiji.pages.published()).extracting(kiji.page.FixedPage::title)
                    .containsExactly("会社概要", "プライバシーポリシー", "広告掲載について");
            var footer = org.jsoup.Jsoup.parse(app.get("/").body()).select("footer .footer-pages a");
            assertThat(footer.eachAttr("href")).containsExactly("/about/", "/privacy/", "/advertising/");
            for (var path : footer.eachAttr("href")) assertThat(app.get(path).statusCode()).as(path).isEqualTo(200);
            DemoContent.fillIfEmpty(app.kiji);
            assertThat(app.kiji.pages.all()).hasSize(3);
        }
    }

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
    void demo_fills_every_ranking_tab_with_ten_articles_personnel_orders_read_most() {
        try (var app = TestKiji.start(dir, new MutableClock(NOW))) {
            DemoContent.fillIfEmpty(app.kiji);
            for (var window : List.of(RankingWindow.DAY, RankingWindow.WEEK, RankingWindow.MONTH)) {
                var top = app.kiji.ranking.top(RankingQuery.now(window, 10)).items();
                assertThat(top).as(window.name()).hasSize(10).allSatisfy(i -> assertThat(i.views()).isPositive());
            }
            var month = app.kiji.ranking.top(RankingQuery.now(RankingWindow.MONTH, 10)).items();
            var personnel = month.stream().filter(i -> i.title().startsWith("人事発令")).count();
            assertThat(personnel).isGreaterThanOrEqualTo(5);
            // an older article can still be in the 24h top ten, as on a real site
            var day = app.kiji.ranking.top(RankingQuery.now(RankingWindow.DAY, 10)).items();
            assertThat(day).anySatisfy(i -> assertThat(i.publishedAt()).isBefore(NOW.minus(Duration.ofDays(7))));
        }
    }

    @Test
    void the_demo_reading_history_is_the_same_on_every_run() {
        List<Long> first;
        try (var app = TestKiji.start(dir.resolve("a"), new MutableClock(NOW))) {
            DemoContent.fillIfEmpty(app.kiji);
            first = app.kiji.ranking.top(RankingQuery.now(RankingWindow.MONTH, 10)).items().stream()
                    .map(i -> i.views()).toList();
        }
        try (var app = TestKiji.start(dir.resolve("b"), new MutableClock(NOW))) {
            DemoContent.fillIfEmpty(app.kiji);
            assertThat(app.kiji.ranking.top(RankingQuery.now(RankingWindow.MONTH, 10)).items())
                    .extracting(i -> i.views()).isEqualTo(first);
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
