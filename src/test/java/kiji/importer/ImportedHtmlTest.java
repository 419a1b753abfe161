package kiji.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import kiji.article.ArticleFilter;
import kiji.article.ArticleStore;
import kiji.article.MarkdownRenderer;
import kiji.article.PageRequest;
import kiji.testing.TestDatabases.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imported HTML passes the same allow-list as every article: an old post cannot carry a script. */
class ImportedHtmlTest {
    @TempDir
    Path dir;

    @Test
    void scripts_handlers_and_javascript_links_in_an_imported_post_are_removed() throws Exception {
        var file = Files.writeString(dir.resolve("evil.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:wp="https://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel>
                <item>
                  <title><![CDATA[<script>alert(1)</script>見出し]]></title>
                  <content:encoded><![CDATA[<p onclick="steal()">本文<script>alert(2)</script></p>
                <a href="javascript:alert(3)">リンク</a> <img src="/a.jpg" onerror="alert(4)">
                <iframe src="https://evil.example/"></iframe>]]></content:encoded>
                  <wp:post_id>1</wp:post_id>
                  <wp:post_date_gmt>2024-01-01 00:00:00</wp:post_date_gmt>
                  <wp:status>publish</wp:status>
                  <wp:post_type>post</wp:post_type>
                </item>
                </channel>
                </rss>
                """);
        var cli = new Cli(Engine.SQLITE, dir.resolve("site"));
        var run = cli.kiji("import", "wordpress", file.toString());
        assertThat(run.code()).as(run.err()).isZero();
        try (var db = cli.database()) {
            var article = new ArticleStore(db.jdbi(), db.dialect())
                    .list(ArticleFilter.all(), new PageRequest(1, 5), Optional.empty()).items().getFirst();
            assertThat(article.title()).isEqualTo("alert(1)見出し"); // plain text, escaped wherever shown
            assertThat(article.body()).startsWith(MarkdownRenderer.HTML_BODY);
            assertThat(article.bodyHtml()).contains("本文", "リンク", "<img src=\"/a.jpg\"")
                    .doesNotContain("<script", "onclick", "onerror", "javascript:", "<iframe", "alert(2)");
        }
    }

    @Test
    void a_markdown_body_that_merely_mentions_the_marker_later_stays_markdown() {
        var html = new MarkdownRenderer().render("本文\n\n" + MarkdownRenderer.HTML_BODY + "\n<b>太字</b>");
        assertThat(html).contains("&lt;b&gt;").doesNotContain("<b>");
    }
}
