package kiji.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import kiji.article.CategoryStore;
import kiji.testing.TestDatabases.Engine;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The import's report on stderr and in {@code --json}, and categories a WXR only declares. */
class ImportReportTest {
    @TempDir
    Path dir;

    /** A small export: 1 post, 7 trashed, 2 auto-drafts; 4 categories declared, 1 used. */
    private Path export() throws Exception {
        var items = new StringBuilder();
        items.append(item(1, "publish", "市バス路線を再編へ"));
        for (int i = 0; i < 7; i++) items.append(item(10 + i, "trash", "ゴミ箱の記事" + i));
        for (int i = 0; i < 2; i++) items.append(item(20 + i, "auto-draft", "自動下書き" + i));
        return Files.writeString(dir.resolve("site.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="https://wordpress.org/export/1.2/">
                <channel><title>報告テスト新報</title>
                <wp:category><wp:term_id>2</wp:term_id><wp:category_nicename>local</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[地域]]></wp:cat_name></wp:category>
                <wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>sports</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[スポーツ]]></wp:cat_name></wp:category>
                <wp:category><wp:term_id>4</wp:term_id><wp:category_nicename>baseball</wp:category_nicename><wp:category_parent>sports</wp:category_parent><wp:cat_name><![CDATA[野球]]></wp:cat_name></wp:category>
                <wp:category><wp:term_id>5</wp:term_id><wp:category_nicename>%%e5%%a4%%a9%%e6%%b0%%97</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[天気]]></wp:cat_name></wp:category>
                %s</channel></rss>
                """.formatted(items));
    }

    private static String item(int id, String status, String title) {
        return """
                <item><title><![CDATA[%s]]></title><wp:post_id>%d</wp:post_id>
                <wp:post_date_gmt>2024-05-01 01:00:00</wp:post_date_gmt><wp:status>%s</wp:status>
                <wp:post_type>post</wp:post_type><content:encoded><![CDATA[本文です。]]></content:encoded>
                <category domain="category" nicename="local"><![CDATA[地域]]></category></item>
                """.formatted(title, id, status);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void the_summary_counts_skipped_items_per_reason_and_json_lists_each_one(Engine engine) throws Exception {
        var cli = new Cli(engine, dir);
        var run = cli.kiji("import", "wordpress", export().toString(), "--json");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("skipped: 7 trash, 2 auto-draft")
                .contains("  trash: 10, 11, 12, 13, 14 and 2 more (--json lists them all)")
                .contains("  auto-draft: 20, 21\n")
                .doesNotContain("15", "16");
        var skipped = new ObjectMapper().readTree(run.out()).get("skipped");
        assertThat(skipped).hasSize(9);
        assertThat(skipped.get(0).toString()).isEqualTo("{\"id\":\"10\",\"reason\":\"trash\"}");
        assertThat(skipped.get(8).toString()).isEqualTo("{\"id\":\"21\",\"reason\":\"auto-draft\"}");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void categories_declared_but_used_by_no_post_are_made_and_counted_once_per_run(Engine engine) throws Exception {
        var cli = new Cli(engine, dir);
        var file = export().toString();
        var first = cli.kiji("import", "wordpress", file, "--json");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(new ObjectMapper().readTree(first.out()).get("categories").asInt()).isEqualTo(4);
        var second = cli.kiji("import", "wordpress", file, "--json");
        assertThat(second.out()).isEqualTo(first.out());
        try (var db = cli.database()) {
            var names = new CategoryStore(db.jdbi()).all().stream().map(c -> c.slug() + "=" + c.name()).toList();
            assertThat(names).contains("local=地域", "sports=スポーツ", "baseball=野球")
                    .anyMatch(n -> n.endsWith("=天気"));
            assertThat(names.stream().filter(n -> n.endsWith("=天気"))).hasSize(1);
        }
    }
}
