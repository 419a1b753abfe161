package kiji.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import kiji.app.Config;
import kiji.article.Article;
import kiji.article.ArticleFilter;
import kiji.article.ArticleStore;
import kiji.article.PageRequest;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases.Engine;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code kiji import wordpress} through the CLI, then the public site, on SQLite and PostgreSQL. */
class WordPressImportTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void an_export_imports_with_every_status_mapped_and_the_report_as_the_issue_shows(Engine engine) throws Exception {
        var cli = new Cli(engine, dir);
        var run = cli.kiji("import", "wordpress", Cli.fixture("wordpress.xml").toString(), "--json");
        assertThat(run.code()).as(run.err()).isZero();
        var report = JSON.readTree(run.out());
        assertThat(fieldNames(report)).containsExactly("articles", "pages", "categories", "tags", "authors", "photos",
                "redirects", "skipped", "warnings");
        assertThat(report.get("articles").toString())
                .isEqualTo("{\"published\":3,\"scheduled\":1,\"draft\":2,\"private\":2}");
        assertThat(report.get("categories").asInt()).isEqualTo(4); // economy, 地域, culture, politics
        assertThat(report.get("tags").asInt()).isEqualTo(5); // 政治, 地域 (demoted), 予算, 市議会, 文化 & 芸術
        assertThat(report.get("authors").asInt()).isEqualTo(2);
        assertThat(report.get("redirects").asInt()).isEqualTo(5);
        assertThat(skippedIds(report)).contains("108", "109");
        assertThat(report.get("warnings").toString()).contains("2 shortcode(s) removed from 2 item(s)", "106: private", "107: private");
        assertThat(run.err()).contains("imported: 8 articles");

        try (var db = cli.database()) {
            var store = new ArticleStore(db.jdbi(), db.dialect());
            var all = store.list(ArticleFilter.all(), new PageRequest(1, 50), Optional.empty()).items();
            assertThat(all).hasSize(8);
            var budget = byTitle(all, "市議会、来年度予算案を可決");
            assertThat(budget.category().name()).isEqualTo("経済"); // Yoast's primary, not the first
            assertThat(budget.tags()).containsExactly("政治", "地域", "予算", "市議会");
            assertThat(budget.authors()).containsExactly("山田 花子");
            assertThat(budget.lead()).isEqualTo("来年度予算案が賛成多数で可決された。");
            assertThat(budget.publishedAt()).contains(java.time.Instant.parse("2024-05-01T01:00:00Z"));
            assertThat(budget.bodyHtml())
                    .contains("<p>市議会は30日、来年度の一般会計予算案を賛成多数で可決した。<br />")
                    .contains("<figure><img src=\"https://kiji-times.example/wp-content/uploads/2024/05/gikai.jpg\"")
                    .containsPattern("<figcaption>本会議場で採決する議員ら</figcaption>\\s*</figure>")
                    .doesNotContain("[gallery", "[caption", "more-->");
            var blocks = byTitle(all, "速報 駅前再開発 & 新図書館 “2026年開館”");
            assertThat(blocks.bodyHtml()).doesNotContain("wp:", "<p></p>")
                    .contains("<figcaption>新図書館の完成予想図</figcaption>", "<p>蔵書は約30万冊を予定している。</p>");
            assertThat(blocks.category().name()).isEqualTo("地域");
            assertThat(blocks.category().slug()).matches("c-[0-9a-f]{10}");
            var draft = byTitle(all, "下書き: 市長インタビュー");
            // no GMT date: the site's time (Japan) is the instant
            assertThat(draft.publishedAt()).contains(java.time.Instant.parse("2024-05-03T09:00:00Z"));
            assertThat(byTitle(all, "社内向け: 取材体制について").status().key()).isEqualTo("draft");
            assertThat(byTitle(all, "会員限定: 決算の読み方").status().key()).isEqualTo("draft");
            assertThat(byTitle(all, "花火大会、今年は8月に開催へ").status().key()).isEqualTo("scheduled");
            assertThat(all).extracting(Article::title).anyMatch(t -> t.startsWith("大型連休の人出は前年を上回った。"));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void importing_the_same_file_again_updates_and_reports_the_same_counts(Engine engine) throws Exception {
        var cli = new Cli(engine, dir);
        var file = Cli.fixture("wordpress.xml").toString();
        var first = cli.kiji("import", "wordpress", file, "--json");
        var second = cli.kiji("import", "wordpress", file, "--json");
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        try (var db = cli.database()) {
            var store = new ArticleStore(db.jdbi(), db.dialect());
            assertThat(store.list(ArticleFilter.all(), new PageRequest(1, 50), Optional.empty()).total()).isEqualTo(8);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void broken_xml_exits_2_naming_the_line_and_column_and_writes_nothing(Engine engine) {
        var cli = new Cli(engine, dir);
        var run = cli.kiji("import", "wordpress", Cli.fixture("wordpress-broken.xml").toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains("line 15, column").contains("nothing was imported");
        try (var db = cli.database()) {
            assertThat(new ArticleStore(db.jdbi(), db.dialect()).isEmpty()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void a_dry_run_reports_the_same_and_writes_nothing(Engine engine) throws Exception {
        var cli = new Cli(engine, dir);
        var file = Cli.fixture("wordpress.xml").toString();
        var dry = cli.kiji("import", "wordpress", file, "--dry-run", "--json");
        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(dry.err()).contains("dry run, nothing written");
        try (var db = cli.database()) {
            assertThat(new ArticleStore(db.jdbi(), db.dialect()).isEmpty()).isTrue();
        }
        var real = cli.kiji("import", "wordpress", file, "--json");
        assertThat(real.out()).isEqualTo(dry.out());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void old_urls_answer_301_on_the_public_site_and_never_for_what_is_not_public(Engine engine) {
        var cli = new Cli(engine, dir);
        assertThat(cli.kiji("import", "wordpress", Cli.fixture("wordpress.xml").toString()).code()).isZero();
        try (var app = TestKiji.start(Config.defaults(dir), cli.database(), MutableClock.at("2024-06-01T00:00:00Z"))) {
            var budget = app.kiji.articles.list(ArticleFilter.all(), new PageRequest(1, 50), Optional.empty()).items()
                    .stream().filter(a -> a.title().startsWith("市議会")).findFirst().orElseThrow();
            var permalink = app.kiji.permalinks.of(budget);
            var page = app.get(permalink);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("市議会、来年度予算案を可決", "<figcaption>本会議場で採決する議員ら</figcaption>");

            var old = app.get("/2024/05/01/budget-passed/");
            assertThat(old.statusCode()).isEqualTo(301);
            assertThat(old.headers().firstValue("Location")).contains(permalink);
            assertThat(app.get("/?p=101").headers().firstValue("Location")).contains(permalink);
            // the Japanese slug, escaped as browsers send it
            assertThat(app.get("/2024/05/02/%E9%80%9F%E5%A0%B1-%E5%86%8D%E9%96%8B%E7%99%BA/").statusCode()).isEqualTo(301);
            // private posts were kept as drafts: their old URLs do not lead readers to them
            assertThat(app.get("/2024/04/20/internal/").statusCode()).isEqualTo(404);
            assertThat(app.get("/?p=106").statusCode()).isEqualTo(200); // the home page, as for any unknown id
            assertThat(app.get("/?p=106").body()).doesNotContain("社内向け");
            assertThat(app.get("/no/such/old/path/").statusCode()).isEqualTo(404);
            // the sitemap lists the imported public articles, never the private ones kept as drafts
            var sitemap = app.get("/sitemaps/articles-1.xml").body();
            assertThat(sitemap).contains(permalink).doesNotContain(app.kiji.permalinks.of(app.kiji.articles
                    .list(ArticleFilter.all(), new PageRequest(1, 50), Optional.empty()).items().stream()
                    .filter(a -> a.title().startsWith("社内向け")).findFirst().orElseThrow()));
            assertThat(sitemap.split("<url>", -1)).hasSize(4); // 101, 102, 110 (103 is scheduled for 2099)
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void the_old_http_namespace_of_wxr_1_0_reads_like_the_new_one(Engine engine) throws Exception {
        var cli = new Cli(engine, dir);
        var run = cli.kiji("import", "wordpress", Cli.fixture("wordpress-1.0-http.xml").toString(), "--json");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).get("articles").get("published").asInt()).isEqualTo(1);
        try (var db = cli.database()) {
            var a = new ArticleStore(db.jdbi(), db.dialect()).list(ArticleFilter.all(), new PageRequest(1, 5),
                    Optional.empty()).items().getFirst();
            assertThat(a.title()).isEqualTo("高校野球 地区大会が開幕");
            assertThat(a.category().slug()).isEqualTo("sports");
            assertThat(a.lead()).isEqualTo("32校が参加。");
            assertThat(a.bodyHtml()).isEqualTo("<p>地区大会が開幕した。</p>\n<p>開会式には32校が参加した。</p>");
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new java.util.ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> skippedIds(JsonNode report) {
        var ids = new java.util.ArrayList<String>();
        report.get("skipped").forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    private static Article byTitle(List<Article> all, String title) {
        return all.stream().filter(a -> a.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no article " + title + " in " + all.stream().map(Article::title).toList()));
    }
}
