package kiji.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiji.article.ArticleDraft;
import kiji.article.ReiwaDate;
import kiji.article.Status;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a reader sees on an article page, down to the seed site's timestamp form. */
class ArticlePageTest {
    /** One real page of the site Kiji replaces, as text; beside the repository, not in it. */
    static final Path SEED = Path.of("..", "shared", "seed", "000_cf0e373fedc8d4b2.txt");

    @TempDir
    Path dir;

    @Test
    void article_page_shows_title_category_link_jst_timestamp_lead_body_and_notes() {
        var clock = MutableClock.at("2024-10-21T01:58:00Z");
        try (var app = TestKiji.start(dir, clock)) {
            app.category("japan-defense", "日本の防衛", "mod");
            var a = app.kiji.articleService.create(new ArticleDraft(Optional.empty(), "防衛大臣が会談(10月17日)",
                    "防衛省は会談を発表した。", "本文です。\n\n**会談の概要**は下記のとおり。\n\n※注記です。\n\n(以上)",
                    "japan-defense", List.of("NATO"), List.of("Kiji編集部"), Status.PUBLISHED,
                    Optional.of(clock.instant())));
            var res = app.get("/docs/mod/" + String.format("%06d", a.id()) + ".html");
            assertThat(res.statusCode()).isEqualTo(200);
            var doc = Jsoup.parse(res.body());
            assertThat(doc.title()).startsWith("防衛大臣が会談(10月17日)");
            assertThat(doc.select("h1.article-title").text()).isEqualTo("防衛大臣が会談(10月17日)");
            var category = doc.selectFirst("article a.category-link");
            assertThat(category.attr("href")).isEqualTo("/category/japan-defense");
            assertThat(category.text()).isEqualTo("日本の防衛");
            var time = doc.selectFirst("article time.article-time");
            assertThat(time.text()).isEqualTo("2024-10-21 10:58");
            assertThat(time.attr("datetime")).isEqualTo("2024-10-21T10:58:00+09:00");
            assertThat(doc.select(".article-lead").text()).isEqualTo("防衛省は会談を発表した。");
            assertThat(paragraphs(doc)).containsExactly("本文です。", "会談の概要は下記のとおり。", "※注記です。", "(以上)");
            assertThat(doc.select(".article-body strong").text()).isEqualTo("会談の概要");
            assertThat(doc.select(".article-body p.note").text()).isEqualTo("※注記です。");
            assertThat(doc.select(".article-body p.end").text()).isEqualTo("(以上)");
            assertThat(doc.select("a[href=/tag/NATO]").text()).isEqualTo("NATO");
            assertThat(doc.select("a[href=/author/Kiji%E7%B7%A8%E9%9B%86%E9%83%A8]").text()).isEqualTo("Kiji編集部");
            assertThat(doc.select("aside.sidebar")).hasSize(1);
        }
    }

    @Test
    void timestamps_are_japan_time_across_the_date_line() {
        var clock = MutableClock.at("2024-12-31T15:30:00Z");
        try (var app = TestKiji.start(dir, clock)) {
            var a = app.publish("年明けの記事", "本文");
            var doc = Jsoup.parse(app.get(app.kiji.permalinks.of(a)).body());
            assertThat(doc.select("time.article-time").text()).isEqualTo("2025-01-01 00:30");
        }
    }

    @Test
    void the_seed_page_posted_through_the_admin_api_renders_every_part() throws IOException {
        Assumptions.assumeTrue(Files.exists(SEED), "seed page " + SEED.toAbsolutePath().normalize()
                + " is not here (it lives beside the repository, in shared/seed/); skipping the seed test");
        var seed = SeedPage.read(SEED);
        assertThat(seed.category()).isEqualTo("日本の防衛");
        assertThat(seed.stamp()).isEqualTo("2024-10-21 10:58");
        assertThat(seed.paragraphs().getLast()).isEqualTo("(以上)");

        var json = new ObjectMapper();
        try (var app = TestKiji.start(dir, MutableClock.at("2024-10-21T02:00:00Z"))) {
            var category = app.admin("POST", "/api/admin/categories", json.writeValueAsString(
                    Map.of("slug", "japan-defense", "name", seed.category(), "section", "mod")));
            assertThat(category.statusCode()).isEqualTo(201);
            var article = new LinkedHashMap<String, Object>();
            article.put("id", 1922);
            article.put("title", seed.title());
            article.put("lead", seed.paragraphs().getFirst());
            article.put("body", String.join("\n\n", seed.paragraphs().subList(1, seed.paragraphs().size())));
            article.put("category", "japan-defense");
            article.put("tags", List.of("NATO", "IP4"));
            article.put("status", "published");
            article.put("publishedAt", seed.stamp().replace(' ', 'T') + ":00+09:00");
            var created = app.admin("POST", "/api/admin/articles", json.writeValueAsString(article));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            var url = json.readTree(created.body()).get("url").asText();
            assertThat(url).isEqualTo("/docs/mod/001922.html");

            var res = app.get(url);
            assertThat(res.statusCode()).isEqualTo(200);
            var doc = Jsoup.parse(res.body());
            assertThat(doc.select("h1.article-title").text()).isEqualTo(seed.title());
            assertThat(doc.select("article a.category-link").text()).isEqualTo("日本の防衛");
            assertThat(doc.select("article a.category-link").attr("href")).isEqualTo("/category/japan-defense");
            assertThat(doc.select("article time.article-time").text()).isEqualTo(seed.stamp());
            assertThat(doc.select(".article-lead").text()).isEqualTo(seed.paragraphs().getFirst());
            assertThat(doc.select(".article-lead").text()).contains(ReiwaDate.format(java.time.LocalDate.of(2024, 10, 17)));
            assertThat(paragraphs(doc)).containsExactlyElementsOf(seed.paragraphs().subList(1, seed.paragraphs().size()));
            assertThat(doc.select(".article-body p.note").text())
                    .isEqualTo("※IP4: Indo-Pacific Four(IP4)。日本、韓国、オーストラリア、ニュージーランドの4か国。");
            assertThat(doc.select(".article-body p.end").text()).isEqualTo("(以上)");
            assertThat(doc.select(".article-body").text()).doesNotContain("Ranking", "24時間");
        }
    }

    private static List<String> paragraphs(Document doc) {
        return doc.select(".article-body p").stream().map(Element::text).toList();
    }

    /**
     * The top of the seed page: title, {@code - category}, {@code YYYY-MM-DD HH:mm}, then the
     * statement's paragraphs up to (以上). The ranking list after it is the sidebar, not the article.
     */
    record SeedPage(String title, String category, String stamp, List<String> paragraphs) {
        static SeedPage read(Path file) throws IOException {
            var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            var paragraphs = new ArrayList<String>();
            var current = new StringBuilder();
            for (var line : lines.subList(3, lines.size())) {
                if (line.startsWith("Ranking")) break;
                current.append(line.strip());
                // the text wraps a few sentences mid-word; a paragraph ends with its punctuation
                if (current.toString().matches(".*[。）)」]$")) {
                    paragraphs.add(current.toString());
                    current.setLength(0);
                }
                if (paragraphs.contains("(以上)")) break;
            }
            return new SeedPage(lines.get(0).strip(), lines.get(1).replaceFirst("^-\\s*", "").strip(),
                    lines.get(2).strip(), paragraphs);
        }
    }
}
