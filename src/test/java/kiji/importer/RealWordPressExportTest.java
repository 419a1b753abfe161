package kiji.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import kiji.app.Config;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases.Engine;
import kiji.testing.TestKiji;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export written by a real WordPress (6.1, Debian's package, Tools → Export's own code; see
 * {@code import/wordpress-6.1/make-export.php}): percent-encoded Japanese slugs in the links,
 * pages, a future, a draft, a private and a password-protected post, an untitled post, a title
 * with markup, Yoast's primary category, a caption. Imported through the CLI, then read back
 * through the public site.
 */
class RealWordPressExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void a_real_wordpress_export_moves_in_with_its_pages_and_old_urls(Engine engine) throws Exception {
        var cli = new Cli(engine, dir);
        var export = Cli.fixture("wordpress-6.1/export.xml").toString();
        var run = cli.kiji("import", "wordpress", export, "--json");
        assertThat(run.code()).as(run.err()).isZero();
        var report = JSON.readTree(run.out());
        assertThat(report.at("/articles/published").asInt()).isEqualTo(4);
        assertThat(report.at("/articles/scheduled").asInt()).isEqualTo(1);
        assertThat(report.at("/articles/draft").asInt()).isEqualTo(1);
        assertThat(report.at("/articles/private").asInt()).as("private and password-protected").isEqualTo(2);
        assertThat(report.get("pages").asInt()).isEqualTo(2);
        assertThat(report.get("authors").asInt()).isEqualTo(1);

        var again = cli.kiji("import", "wordpress", export, "--json");
        assertThat(again.out()).as("a second import updates what the first made").isEqualTo(run.out());

        try (var app = TestKiji.start(Config.defaults(dir), cli.database(), MutableClock.at("2026-12-01T00:00:00Z"))) {
            // the old link, percent-encoded Japanese slug and all, answers 301 to the new permalink
            var old = app.get("/2026/11/%e9%98%b2%e8%a1%9b%e5%a4%a7%e8%87%a3%e3%81%8c%e8%a8%98%e8%80%85%e4%bc%9a%e8%a6%8b"
                    + "%ef%bc%8811%e6%9c%888%e6%97%a5%ef%bc%89/");
            assertThat(old.statusCode()).isEqualTo(301);
            var permalink = old.headers().firstValue("Location").orElseThrow();
            var article = app.get(permalink.replaceFirst("^https?://[^/]+", ""));
            assertThat(article.statusCode()).isEqualTo(200);
            var page = Jsoup.parse(article.body());
            assertThat(page.select("h1").text()).isEqualTo("防衛大臣が記者会見（11月8日）");
            assertThat(page.select("article").text()).contains("※日時は変更される場合があります。").contains("(以上)");
            assertThat(app.get("/?p=4").headers().firstValue("Location")).hasValue(permalink);

            // the title with markup and an entity is plain text; Yoast's primary category won
            var items = JSON.readTree(app.get("/api/articles?size=50").body()).get("items");
            var titles = new java.util.ArrayList<String>();
            items.forEach(i -> titles.add(i.get("title").asText()));
            assertThat(titles).contains("速報 共同訓練を実施 & 公開", "写真付きの記事")
                    .doesNotContain("下書きの記事", "非公開の記事", "パスワード保護の記事", "人事発令 12月1日付け、1佐人事(陸自3名)")
                    .anySatisfy(t -> assertThat(t).startsWith("題名のない投稿"));
            items.forEach(i -> {
                if (i.get("title").asText().startsWith("速報")) assertThat(i.get("category").asText()).isEqualTo("japan-defense");
            });

            // pages are fixed pages at their old paths; WordPress's page link answers 301 to them
            var about = app.get("/about/");
            assertThat(about.statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(about.body()).select("h1").text()).isEqualTo("会社概要");
            assertThat(app.get("/?page_id=12").headers().firstValue("Location")).hasValue("/about/");
            assertThat(app.get("/sitemaps/pages.xml").body()).contains("/about/</loc>").contains("/privacy-policy/</loc>");
            assertThat(app.get("/sitemaps/articles-1.xml").body()).contains(permalink.replaceFirst("^https?://[^/]+", ""));
        }
    }
}
