package kiji.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code kiji import movabletype} through the CLI: はてなブログ's CRLF export and an old Shift_JIS one. */
class MovableTypeImportTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void a_hatena_export_with_crlf_imports_and_its_old_urls_answer_301(Engine engine) throws Exception {
        var cli = new Cli(engine, dir);
        var run = cli.kiji("import", "movabletype", Cli.fixture("hatena.txt").toString(), "--json",
                "--old-url", "/entry/{yyyy}/{mm}/{dd}/{hh}{mi}{ss}");
        assertThat(run.code()).as(run.err()).isZero();
        var report = JSON.readTree(run.out());
        assertThat(report.get("articles").toString())
                .isEqualTo("{\"published\":2,\"scheduled\":0,\"draft\":1,\"private\":0}");
        assertThat(report.get("categories").asInt()).isEqualTo(2); // 地域, イベント
        assertThat(report.get("redirects").asInt()).isEqualTo(3);
        try (var app = TestKiji.start(Config.defaults(dir), cli.database(), MutableClock.at("2024-09-01T00:00:00Z"))) {
            var all = app.kiji.articles.list(ArticleFilter.all(), new PageRequest(1, 10), Optional.empty()).items();
            var festival = byTitle(all, "商店街の夏祭り、3年ぶりに開催");
            assertThat(festival.publishedAt()).contains(Instant.parse("2024-07-20T09:30:00Z")); // Japan time
            assertThat(festival.lead()).isEqualTo("3年ぶりの夏祭りに家族連れ");
            assertThat(festival.category().name()).isEqualTo("地域");
            assertThat(festival.tags()).containsExactly("イベント");
            assertThat(festival.authors()).containsExactly("kiji-blog");
            // EXTENDED BODY joined; the comment is not part of the article
            assertThat(festival.bodyHtml()).contains("<strong>多くの家族連れ</strong>", "来年も開催する予定だ")
                    .doesNotContain("楽しかったです", "\r");
            assertThat(byTitle(all, "マークダウンで書いた記事").bodyHtml())
                    .contains("<h2>見出し</h2>", "<strong>新しい取り組み</strong>");
            assertThat(byTitle(all, "下書き: 秋の行事予定").status().key()).isEqualTo("draft");

            var old = app.get("/entry/2024/07/20/183000");
            assertThat(old.statusCode()).isEqualTo(301);
            assertThat(old.headers().firstValue("Location")).contains(app.kiji.permalinks.of(festival));
            assertThat(app.get("/entry/2024/08/01/090000").statusCode()).isEqualTo(404); // a draft
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void a_shift_jis_export_with_am_pm_dates_breaks_quoted_tags_and_a_primary_category_imports(Engine engine)
            throws Exception {
        var cli = new Cli(engine, dir);
        var run = cli.kiji("import", "movabletype", Cli.fixture("movabletype-sjis.txt").toString(), "--json",
                "--charset", "Shift_JIS", "--old-url", "/blog/{yyyy}/{mm}/{basename}.html");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).get("articles").toString())
                .isEqualTo("{\"published\":2,\"scheduled\":1,\"draft\":0,\"private\":0}");
        try (var db = cli.database()) {
            var all = new ArticleStore(db.jdbi(), db.dialect())
                    .list(ArticleFilter.all(), new PageRequest(1, 10), Optional.empty()).items();
            var newYear = byTitle(all, "新年のごあいさつ");
            assertThat(newYear.publishedAt()).contains(Instant.parse("2008-01-01T00:15:00Z"));
            assertThat(newYear.category().name()).isEqualTo("お知らせ");
            assertThat(newYear.tags()).containsExactly("社長室", "新年", "ごあいさつ 2008", "社長");
            assertThat(newYear.authors()).containsExactly("佐藤 健");
            // CONVERT BREAKS __default__: blank lines are paragraphs, single breaks <br>
            assertThat(newYear.bodyHtml()).contains("<p>あけましておめでとうございます。<br />", "<p>社員一同、紙面の充実に努めます。</p>",
                    "詳しくは後日お知らせします。").doesNotContain("他サイトの記事");
            assertThat(byTitle(all, "夕方の号外").publishedAt()).contains(Instant.parse("2008-01-15T09:30:00Z")); // 6:30 PM JST
            assertThat(byTitle(all, "予約投稿の記事").publishedAt()).contains(Instant.parse("2099-12-30T15:00:00Z")); // 12 AM
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void an_entry_without_its_sections_exits_2_naming_the_line_and_writes_nothing(Engine engine) {
        var cli = new Cli(engine, dir);
        var run = cli.kiji("import", "movabletype", Cli.fixture("movabletype-no-body.txt").toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains("line 9", "no BODY section", "nothing was imported");
        try (var db = cli.database()) {
            assertThat(new ArticleStore(db.jdbi(), db.dialect()).isEmpty()).isTrue();
        }
    }

    @Test
    void an_unknown_date_a_wrong_charset_and_a_bad_pattern_exit_2_with_a_reason() {
        var cli = new Cli(Engine.SQLITE, dir);
        var date = cli.kiji("import", "movabletype", Cli.fixture("movabletype-bad-date.txt").toString());
        assertThat(date.code()).isEqualTo(2);
        assertThat(date.err()).contains("line 2", "unknown DATE '2024年7月20日'");
        var charset = cli.kiji("import", "movabletype", Cli.fixture("movabletype-sjis.txt").toString());
        assertThat(charset.code()).isEqualTo(2);
        assertThat(charset.err()).contains("line 1", "not valid UTF-8", "--charset");
        var pattern = cli.kiji("import", "movabletype", Cli.fixture("hatena.txt").toString(), "--old-url", "/x/{year}");
        assertThat(pattern.code()).isEqualTo(2);
        assertThat(pattern.err()).contains("--old-url", "{year}");
        var missing = cli.kiji("import", "movabletype", dir.resolve("nothing.txt").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot read");
    }

    @Test
    void quoted_tags_keep_their_spaces_and_commas() {
        assertThat(MovableTypeReader.tags("a, \"b c\",\"d,e\" ,,f")).containsExactly("a", "b c", "d,e", "f");
    }

    private static Article byTitle(List<Article> all, String title) {
        return all.stream().filter(a -> a.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no article " + title + " in " + all.stream().map(Article::title).toList()));
    }
}
