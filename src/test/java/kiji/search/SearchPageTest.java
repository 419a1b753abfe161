package kiji.search;

import static kiji.search.SearchFixtures.enc;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader's search page and the API's edges: escaping, empty state, limits, and fuzzed input. */
class SearchPageTest {
    @TempDir
    static Path dir;

    static TestKiji app;

    @BeforeAll
    static void start() {
        app = TestKiji.start(dir, MutableClock.at("2024-10-21T03:00:00Z"));
        app.publish("<script>alert(1)</script>護衛艦の一般公開(10月19日)",
                "護衛艦の一般公開が行われた。`<img src=x onerror=alert(2)>` という文字列も本文にある。");
        for (int i = 1; i <= 12; i++) app.publish("基地祭のお知らせ 第" + i + "号", "基地祭の案内です。第" + i + "号。");
        app.publish("防空識別圏の説明会&見学(10月20日)", "本文には別の話題だけが書かれている。");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void page_shows_count_marked_snippet_and_keeps_the_query_in_the_box() {
        var page = app.get("/search?q=" + enc("護衛艦"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("value=\"護衛艦\"")
                .contains("<strong>1</strong> 件の記事が見つかりました")
                .contains("<mark>護衛艦</mark>の一般公開")
                .contains("2024-10-21 12:00")
                .contains("日本の防衛");
    }

    @Test
    void the_header_search_box_keeps_the_query_on_the_search_page_and_is_empty_elsewhere() {
        var results = Jsoup.parse(app.get("/search?q=" + enc("護衛艦 -訓練")).body());
        assertThat(results.select("header form.site-search input[name=q]").attr("value")).isEqualTo("護衛艦 -訓練");
        assertThat(results.select("form.search-form input[name=q]").attr("value")).isEqualTo("護衛艦 -訓練");
        var home = Jsoup.parse(app.get("/").body());
        assertThat(home.select("header form.site-search input[name=q]")).hasSize(1);
        assertThat(home.select("header form.site-search input[name=q]").hasAttr("value")).isFalse();
    }

    @Test
    void a_query_with_quotes_and_markup_stays_text_in_both_search_boxes() {
        var q = "\"><script>alert(3)</script>";
        var raw = app.get("/search?q=" + enc(q)).body();
        assertThat(raw).doesNotContain("<script>alert(3)");
        var doc = Jsoup.parse(raw);
        assertThat(doc.select("header form.site-search input[name=q]").attr("value")).isEqualTo(q);
        assertThat(doc.select("form.search-form input[name=q]").attr("value")).isEqualTo(q);
        assertThat(doc.select("script").stream().filter(s -> s.data().contains("alert"))).isEmpty();
    }

    @Test
    void a_word_found_only_in_the_title_is_marked_in_the_title() throws Exception {
        var api = new com.fasterxml.jackson.databind.ObjectMapper().readTree(app.get("/api/search?q=" + enc("防空識別圏")).body());
        var item = api.at("/items/0");
        assertThat(item.get("title").asText()).isEqualTo("防空識別圏の説明会&見学(10月20日)");
        assertThat(item.get("titleHtml").asText()).isEqualTo("<mark>防空識別圏</mark>の説明会&amp;見学(10月20日)");
        assertThat(item.get("snippet").asText()).doesNotContain("<mark>");
        var page = Jsoup.parse(app.get("/search?q=" + enc("防空識別圏")).body());
        var link = page.selectFirst("a.search-hit-title");
        assertThat(link.select("mark").text()).isEqualTo("防空識別圏");
        assertThat(link.text()).isEqualTo("防空識別圏の説明会&見学(10月20日)");
        var unmarked = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                app.get("/api/search?q=" + enc("案内")).body()).at("/items/0");
        assertThat(unmarked.get("titleHtml").asText()).as("a title without the words comes back whole and unmarked")
                .isEqualTo(unmarked.get("title").asText()).startsWith("基地祭のお知らせ 第");
    }

    @Test
    void a_title_or_body_containing_markup_shows_as_text() {
        var body = app.get("/search?q=" + enc("護衛艦")).body();
        assertThat(body).contains("&lt;script&gt;alert(1)&lt;/script&gt;<mark>護衛艦</mark>の一般公開")
                .doesNotContain("<script>alert")
                .doesNotContain("<img src=x")
                .contains("&lt;img src=x onerror=alert(2)&gt;");
        var api = app.get("/api/search?q=" + enc("護衛艦")).body();
        assertThat(api).contains("&lt;img src=x onerror=alert(2)&gt;").doesNotContain("<img");
    }

    @Test
    void no_hits_shows_a_friendly_japanese_message() {
        var body = app.get("/search?q=" + enc("存在しない語句")).body();
        assertThat(body).contains("に一致する記事は見つかりませんでした").contains("value=\"存在しない語句\"");
        assertThat(app.get("/search").body()).contains("キーワードを入力して、記事を検索してください");
    }

    @Test
    void pages_link_to_each_other_with_the_filters_kept() {
        var first = app.get("/search?q=" + enc("基地祭") + "&sort=date").body();
        assertThat(first).contains("<strong>12</strong> 件").contains("1 / 2 ページ")
                .contains("href=\"/search?q=%E5%9F%BA%E5%9C%B0%E7%A5%AD&amp;sort=date&amp;page=2\"");
        var second = app.get("/search?q=" + enc("基地祭") + "&sort=date&page=2").body();
        assertThat(second).contains("2 / 2 ページ").contains("第1号").doesNotContain("第12号");
        assertThat(app.get("/api/search?q=" + enc("基地祭")).body()).contains("\"total\":12,\"totalIsLowerBound\":false");
    }

    @Test
    void a_query_over_500_characters_is_a_400_in_json_and_in_html() {
        var q = enc("防".repeat(501));
        var api = app.get("/api/search?q=" + q);
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(api.body()).contains("500");
        var page = app.get("/search?q=" + q);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("<html lang=\"ja\"").contains("500文字以内");
        assertThat(app.get("/api/search?q=" + enc("防".repeat(500))).statusCode()).isEqualTo(200);
    }

    @Test
    void bad_parameters_are_400_naming_the_parameter() {
        assertThat(app.get("/api/search?q=a&sort=popular").body()).contains("sort");
        assertThat(app.get("/api/search?q=a&from=2024-13-01").statusCode()).isEqualTo(400);
        assertThat(app.get("/api/search?q=a&page=0").statusCode()).isEqualTo(400);
        assertThat(app.get("/api/search?q=a&size=1000").statusCode()).isEqualTo(400);
        assertThat(app.get("/api/search?q=a&page=99999").statusCode()).isEqualTo(400);
        assertThat(app.get("/api/search?q=a&from=2024-10-21&to=2024-10-01").statusCode()).isEqualTo(400);
    }

    @Test
    void nothing_a_reader_types_produces_a_500() {
        var random = new Random(20241021);
        String[] syntax = {"\"", "-", "OR", "AND", "NOT", "(", ")", "*", "?", "~", "^", ":", "\\", "/", "[", "]", "{",
                "}", "!", "&&", "||", "+", "title:", "\u0000", "\uFFFF", "\uD83D\uDE80", "\uD800", "　", "－", "＂",
                "㈱", "ｶﾞ", "護衛艦", "の", "が", "NATO", "%", "'", "<", ">", "&", " ", "\n", "\t"};
        for (int run = 0; run < 300; run++) {
            var q = new StringBuilder();
            int parts = 1 + random.nextInt(12);
            for (int i = 0; i < parts; i++) {
                if (random.nextBoolean()) {
                    q.append(syntax[random.nextInt(syntax.length)]);
                } else {
                    q.appendCodePoint(1 + random.nextInt(0x2FFFF));
                }
            }
            var s = q.toString();
            var api = app.get("/api/search?q=" + enc(s) + "&sort=" + (run % 2 == 0 ? "date" : "relevance"));
            assertThat(api.statusCode()).as("q=%s", s).isEqualTo(200);
            if (run % 10 == 0) assertThat(app.get("/search?q=" + enc(s)).statusCode()).as("page q=%s", s).isEqualTo(200);
        }
        // many words: more than the engine's clause limit would allow if every one were kept
        var many = "あ護 ".repeat(160);
        assertThat(app.get("/api/search?q=" + enc(many.substring(0, 480))).statusCode()).isEqualTo(200);
    }
}
