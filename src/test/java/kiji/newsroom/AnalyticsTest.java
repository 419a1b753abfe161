package kiji.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** The newsroom's view counts, analytics and top lists, from views counted over real HTTP. */
class AnalyticsTest {
    static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36";
    static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

    @TempDir
    Path dir;

    // 2024-10-18 10:00 JST
    MutableClock clock = MutableClock.at("2024-10-18T01:00:00Z");
    TestKiji app;
    NewsroomClient editor;
    int readers;

    @BeforeEach
    void start() {
        app = TestKiji.start(dir, clock);
        app.kiji.newsroom.users.add("sato", "佐藤", Role.EDITOR, "編集者のパスワード1");
        app.kiji.newsroom.users.add("kato", "加藤", Role.WRITER, "記者のパスワード22");
        editor = NewsroomClient.signedIn(app, "sato", "編集者のパスワード1");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    /** One beacon with this User-Agent, from loopback: the User-Agent tells readers apart. */
    int view(long articleId, String userAgent) {
        var response = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/views")))
                .header("Content-Type", "text/plain;charset=UTF-8")
                .header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofString("{\"articleId\": " + articleId + "}"))
                .build());
        return response.statusCode();
    }

    void readers(long articleId, int n) {
        for (int i = 0; i < n; i++) assertThat(view(articleId, CHROME + " reader/" + readers++)).isEqualTo(204);
    }

    /** A: 3 views on 10/18 10時台, 2 on 10/20 14時台, 1 on 10/21 9時台 (JST); B: 4 on 10/20 14時台. */
    long[] seed() {
        long a = app.publish("防衛相が会見(10月18日)", "本文です。").id();
        long b = app.publish("統合幕僚長が視察(10月18日)", "本文です。").id();
        long c = app.publish("読まれていない人事発令", "本文です。").id();
        clock.set(Instant.parse("2024-10-18T01:10:00Z"));
        readers(a, 3);
        clock.set(Instant.parse("2024-10-20T05:20:00Z"));
        readers(a, 2);
        readers(b, 4);
        clock.set(Instant.parse("2024-10-21T00:30:00Z"));
        readers(a, 1);
        view(a, GOOGLEBOT); // a bot: not counted
        view(a, CHROME + " reader/" + (readers - 1)); // the same reader again within 30 minutes: not counted
        clock.set(Instant.parse("2024-10-21T00:40:00Z"));
        app.kiji.ranking.refresh();
        editor.signIn("sato", "編集者のパスワード1"); // three days on, the morning's session has expired
        return new long[] {a, b, c};
    }

    static String cell(String html, String selectorAttr, String cls) {
        var m = Pattern.compile(selectorAttr + "[^>]*>.*?class=\"num " + cls + "\">([^<]*)<", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as(selectorAttr + " in " + html).isTrue();
        return m.group(1).strip();
    }

    @Test
    void a_counted_view_shows_in_the_article_lists_24_hour_column() {
        long id = app.publish("防衛相が会見(10月18日)", "本文です。").id();
        assertThat(view(id, CHROME)).isEqualTo(204);
        assertThat(view(id, CHROME)).isEqualTo(204); // a reload: not counted again
        assertThat(view(id, GOOGLEBOT)).isEqualTo(204);
        app.kiji.ranking.refresh();
        var html = editor.get("/newsroom/articles").body();
        var row = Pattern.compile("<tr data-article=\"" + id + "\">.*?</tr>", Pattern.DOTALL).matcher(html);
        assertThat(row.find()).isTrue();
        assertThat(row.group()).contains("/newsroom/articles/" + id + "/analytics");
        assertThat(listed24h(id)).isEqualTo("1");
    }

    @Test
    void the_list_counts_only_the_24_buckets_ending_with_the_current_hour() {
        var ids = seed();
        assertThat(listed24h(ids[0])).isEqualTo("3");
        assertThat(listed24h(ids[1])).isEqualTo("4");
        assertThat(listed24h(ids[2])).isEqualTo("0");
        // B's views (bucket 10/20 14時台 JST) stay inside the 24 buckets up to 10/21 13:59:59 JST and leave at 14:00
        clock.set(Instant.parse("2024-10-21T04:59:59Z"));
        assertThat(listed24h(ids[1])).isEqualTo("4");
        clock.set(Instant.parse("2024-10-21T05:00:00Z"));
        assertThat(listed24h(ids[1])).isEqualTo("0");
        assertThat(listed24h(ids[0])).isEqualTo("1");
    }

    /** The 24-hour column of the article's row in the newsroom list. */
    String listed24h(long id) {
        var html = editor.get("/newsroom/articles").body();
        var row = Pattern.compile("<tr data-article=\"" + id + "\">.*?</tr>", Pattern.DOTALL).matcher(html);
        assertThat(row.find()).as("row of " + id).isTrue();
        var cell = Pattern.compile("<td class=\"num\">(?:<a [^>]*>)?(\\d+)").matcher(row.group());
        assertThat(cell.find()).isTrue();
        return cell.group(1);
    }

    @Test
    void the_article_page_shows_rank_and_count_in_each_window() {
        var ids = seed();
        var a = editor.get("/newsroom/articles/" + ids[0] + "/analytics");
        assertThat(a.statusCode()).isEqualTo(200);
        assertThat(cell(a.body(), "data-window=\"24h\"", "nr-rank")).isEqualTo("2位");
        assertThat(cell(a.body(), "data-window=\"24h\"", "nr-count")).isEqualTo("3");
        assertThat(cell(a.body(), "data-window=\"7d\"", "nr-rank")).isEqualTo("1位");
        assertThat(cell(a.body(), "data-window=\"7d\"", "nr-count")).isEqualTo("6");
        assertThat(cell(a.body(), "data-window=\"30d\"", "nr-rank")).isEqualTo("1位");
        assertThat(cell(a.body(), "data-window=\"30d\"", "nr-count")).isEqualTo("6");
        var b = editor.get("/newsroom/articles/" + ids[1] + "/analytics").body();
        assertThat(cell(b, "data-window=\"24h\"", "nr-rank")).isEqualTo("1位");
        assertThat(cell(b, "data-window=\"7d\"", "nr-rank")).isEqualTo("2位");
        var c = editor.get("/newsroom/articles/" + ids[2] + "/analytics").body();
        assertThat(cell(c, "data-window=\"24h\"", "nr-rank")).isEqualTo("圏外");
        assertThat(cell(c, "data-window=\"30d\"", "nr-count")).isEqualTo("0");
    }

    @Test
    void the_chart_is_valid_svg_with_one_bar_per_viewed_hour_and_its_count() throws Exception {
        var ids = seed();
        var html = editor.get("/newsroom/articles/" + ids[0] + "/analytics").body();
        int from = html.indexOf("<svg");
        var svg = html.substring(from, html.indexOf("</svg>", from) + "</svg>".length());
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        var root = doc.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(doc.getElementsByTagNameNS("*", "title").item(0).getTextContent()).isEqualTo("過去7日間の1時間ごとの閲覧数");
        assertThat(doc.getElementsByTagNameNS("*", "desc").item(0).getTextContent())
                .contains("10月14日 10時台から10月21日 9時台まで（日本時間）", "合計 6 回", "10月18日 10時台 の 3 回");

        var bars = new HashMap<String, String>();
        var heights = new HashMap<String, Double>();
        var rects = doc.getElementsByTagNameNS("*", "rect");
        for (int i = 0; i < rects.getLength(); i++) {
            var r = (Element) rects.item(i);
            bars.put(r.getAttribute("data-hour"), r.getAttribute("data-views"));
            heights.put(r.getAttribute("data-hour"), Double.parseDouble(r.getAttribute("height")));
            assertThat(r.getTextContent()).endsWith(r.getAttribute("data-views") + "回");
        }
        assertThat(bars).isEqualTo(Map.of("2024-10-18T01:00:00Z", "3", "2024-10-20T05:00:00Z", "2",
                "2024-10-21T00:00:00Z", "1"));
        // heights are proportional to the counts
        assertThat(heights.get("2024-10-18T01:00:00Z")).isEqualTo(200.0);
        assertThat(heights.get("2024-10-20T05:00:00Z")).isCloseTo(2 * 200.0 / 3, org.assertj.core.data.Offset.offset(0.2));
        assertThat(heights.get("2024-10-21T00:00:00Z")).isCloseTo(200.0 / 3, org.assertj.core.data.Offset.offset(0.2));
        var texts = doc.getElementsByTagNameNS("*", "text");
        var labels = new StringBuilder();
        for (int i = 0; i < texts.getLength(); i++) labels.append(texts.item(i).getTextContent()).append('|');
        assertThat(labels.toString()).contains("10/15(火)|", "10/21(月)|", "12時|", "日時（日本時間）", "閲覧数");
        // the same numbers as a table, per JST day
        assertThat(html).containsPattern("<th scope=\"row\">10月18日\\(金\\)</th><td class=\"num\">3</td>")
                .containsPattern("<th scope=\"row\">10月20日\\(日\\)</th><td class=\"num\">2</td>")
                .containsPattern("<th scope=\"row\">合計</th><td class=\"num\">6</td>");
    }

    @Test
    void the_ranking_page_lists_the_top_articles_of_each_window_and_the_hours_trending() {
        var ids = seed();
        var html = editor.get("/newsroom/analytics").body();
        assertThat(order(html, "1h")).containsExactly(ids[0]);
        assertThat(order(html, "24h")).containsExactly(ids[1], ids[0]);
        assertThat(order(html, "7d")).containsExactly(ids[0], ids[1]);
        assertThat(order(html, "30d")).containsExactly(ids[0], ids[1]);
        assertThat(html).contains("急上昇（1時間）", "24時間", "1週間", "1ヶ月", "2024-10-21 09:00 〜 2024-10-21 10:00");
    }

    static java.util.List<Long> order(String html, String window) {
        int from = html.indexOf("data-window=\"" + window + "\"");
        var section = html.substring(from, html.indexOf("</section>", from));
        var m = Pattern.compile("<li data-article=\"(\\d+)\"").matcher(section);
        var out = new java.util.ArrayList<Long>();
        while (m.find()) out.add(Long.parseLong(m.group(1)));
        return out;
    }

    @Test
    void writers_see_the_analytics_of_their_own_articles_only_and_signed_out_users_are_sent_to_sign_in() {
        long editors = app.publish("編集者の記事(10月18日)", "本文です。").id();
        var writer = NewsroomClient.signedIn(app, "kato", "記者のパスワード22");
        writer.get("/newsroom/articles/new");
        var form = new HashMap<String, String>(Map.of("title", "記者の下書き", "lead", "", "category", "japan-defense",
                "tags", "", "authors", "加藤", "body", "本文です。", "status", "draft", "publishedAt", ""));
        var created = writer.post("/newsroom/articles", form);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        long own = Long.parseLong(created.headers().firstValue("Location").orElseThrow().replaceAll("\\D+(\\d+).*", "$1"));

        assertThat(writer.get("/newsroom/articles/" + own + "/analytics").statusCode()).isEqualTo(200);
        var refused = writer.get("/newsroom/articles/" + editors + "/analytics");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("権限がありません");
        assertThat(writer.get("/newsroom/analytics").statusCode()).isEqualTo(200);
        assertThat(editor.get("/newsroom/articles/" + own + "/analytics").statusCode()).isEqualTo(200);
        assertThat(editor.get("/newsroom/articles/999999/analytics").statusCode()).isEqualTo(404);

        var list = writer.get("/newsroom/articles").body();
        assertThat(list).contains("/newsroom/articles/" + own + "/analytics")
                .doesNotContain("/newsroom/articles/" + editors + "/analytics");

        for (var path : new String[] {"/newsroom/analytics", "/newsroom/articles/" + editors + "/analytics"}) {
            var anonymous = app.get(path);
            assertThat(anonymous.statusCode()).isEqualTo(302);
            assertThat(anonymous.headers().firstValue("Location")).contains("/newsroom/signin");
        }
    }
}
