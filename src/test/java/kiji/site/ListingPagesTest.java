package kiji.site;

import static kiji.testing.HttpAssertions.assertSitePage;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import kiji.article.ArticleDraft;
import kiji.article.Status;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Home, category, tag and author listings: newest first, paginated, public articles only. */
class ListingPagesTest {
    @TempDir
    Path dir;

    MutableClock clock = MutableClock.at("2024-10-21T02:00:00Z");
    TestKiji app;

    @BeforeEach
    void start() {
        app = TestKiji.start(dir, clock);
        app.category("japan-defense", "日本の防衛", "mod");
        app.category("personnel", "人事発令", "jinji");
        app.category("empty", "空のカテゴリー", "empty");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private void article(String title, String category, List<String> tags, List<String> authors, Status status,
                         Duration ago) {
        app.kiji.articleService.create(new ArticleDraft(Optional.empty(), title, "", "本文", category, tags, authors,
                status, Optional.of(clock.instant().minus(ago))));
    }

    @Test
    void the_home_page_lists_the_latest_public_articles_in_pages_of_twenty() {
        for (int i = 1; i <= 25; i++) article("記事" + i, "japan-defense", List.of(), List.of(), Status.PUBLISHED,
                Duration.ofHours(30 - i));
        article("下書き", "japan-defense", List.of(), List.of(), Status.DRAFT, Duration.ofHours(1));
        article("予約", "japan-defense", List.of(), List.of(), Status.SCHEDULED, Duration.ofHours(-1));
        var first = page("/");
        assertThat(titles(first)).hasSize(20).startsWith("記事25", "記事24").endsWith("記事6");
        assertThat(first.select("a[rel=next]").attr("href")).isEqualTo("/?page=2");
        assertThat(first.select("a[rel=prev]")).isEmpty();
        assertThat(first.select(".article-item time").first().text()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        var second = page("/?page=2");
        assertThat(titles(second)).containsExactly("記事5", "記事4", "記事3", "記事2", "記事1");
        assertThat(second.select("a[rel=prev]").attr("href")).isEqualTo("/");
        assertThat(app.get("/?page=3").statusCode()).isEqualTo(404);
        assertThat(first.text()).doesNotContain("下書き", "予約");
    }

    @Test
    void category_tag_and_author_listings_show_their_articles() {
        article("防衛の記事", "japan-defense", List.of("NATO", "日米 同盟"), List.of("山田 太郎"), Status.PUBLISHED,
                Duration.ofHours(2));
        article("人事の記事", "personnel", List.of("人事発令", "C++ & 50%"), List.of("山田 太郎"), Status.PUBLISHED,
                Duration.ofHours(1));
        article("下書きの記事", "personnel", List.of("NATO"), List.of("山田 太郎"), Status.DRAFT, Duration.ofHours(1));

        var category = page("/category/personnel");
        assertThat(category.select("h1").text()).isEqualTo("人事発令");
        assertThat(titles(category)).containsExactly("人事の記事");
        assertThat(category.select("nav.site-nav a[aria-current=page]").text()).isEqualTo("人事発令");

        assertThat(titles(page("/tag/NATO"))).containsExactly("防衛の記事");
        assertThat(titles(page("/author/%E5%B1%B1%E7%94%B0%20%E5%A4%AA%E9%83%8E"))).containsExactly("人事の記事", "防衛の記事");

        // every tag and author link on an article page leads to its listing, whatever the name holds
        var article = page(app.kiji.permalinks.of(app.kiji.articles.find(2).orElseThrow()));
        for (Element link : article.select(".article-tags a, .article-authors a")) {
            var listing = page(link.attr("href"));
            assertThat(listing.select("h1").text()).as(link.attr("href")).endsWith(link.text());
            assertThat(titles(listing)).as(link.attr("href")).contains("人事の記事");
        }
    }

    @Test
    void an_empty_category_is_a_page_and_unknown_listings_are_404_pages() {
        var empty = app.get("/category/empty");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(empty.body()).select(".empty").text()).isEqualTo("まだ記事がありません。");
        for (var path : List.of("/category/nothing", "/tag/nothing", "/author/nobody", "/category/empty?page=2")) {
            var res = app.get(path);
            assertThat(res.statusCode()).as(path).isEqualTo(404);
            assertSitePage(res);
        }
    }

    private Document page(String path) {
        var res = app.get(path);
        assertThat(res.statusCode()).as(path).isEqualTo(200);
        assertSitePage(res);
        return Jsoup.parse(res.body());
    }

    private static List<String> titles(Document doc) {
        return doc.select(".article-item-title").stream().map(Element::text).toList();
    }
}
