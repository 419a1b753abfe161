package kiji.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import kiji.app.Config;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases;
import kiji.testing.TestDatabases.Engine;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * WXR {@code page} items through the {@link PageSink} seam (the fixed pages feature's upsert by
 * path; here a map, until kiji.page is wired), and WordPress's {@code /?page_id=ID} on the site.
 */
class FixedPagesImportTest {
    @TempDir
    Path dir;

    /** What the seam was given, by path. */
    static final class PageMap implements PageSink {
        final Map<String, Page> pages = new LinkedHashMap<>();

        @Override
        public String upsert(Page page) {
            pages.put(page.path(), page);
            return page.path();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void page_items_reach_the_seam_by_path_and_page_id_links_answer_301(Engine engine) throws Exception {
        var clock = MutableClock.at("2024-06-01T00:00:00Z");
        try (var app = TestKiji.start(Config.defaults(dir), TestDatabases.open(engine, dir), clock)) {
            var jdbi = app.kiji.database.jdbi();
            var sources = new SourceMap(jdbi);
            var redirects = new Redirects(jdbi, sources,
                    id -> app.kiji.articles.findPublic(id, clock.instant()).map(app.kiji.permalinks::of), clock);
            var sink = new PageMap();
            var importer = new Importer(jdbi, app.kiji.articleService, app.kiji.categories, sources, redirects, sink,
                    app.kiji.permalinks, clock);
            ImportReport report;
            try (InputStream in = Files.newInputStream(Cli.fixture("wordpress.xml"))) {
                report = importer.run(new WxrReader(ZoneId.of("Asia/Tokyo")), in, false);
            }
            assertThat(report.pages).isEqualTo(2);
            assertThat(report.toJson().get("skipped").toString()).doesNotContain("201", "202");
            assertThat(sink.pages).containsOnlyKeys("/about/", "/privacy-policy/");
            var about = sink.pages.get("/about/");
            assertThat(about.title()).isEqualTo("会社概要");
            assertThat(about.html()).isEqualTo("<p>株式会社記事タイムズ<br />\n所在地: 架空県架空市1-2-3</p>");
            assertThat(about.published()).isTrue();
            assertThat(about.sourceId()).isEqualTo("201");
            assertThat(sink.pages.get("/privacy-policy/").html()).isEqualTo("<p>個人情報の取り扱いについて。</p>");

            var byId = app.get("/?page_id=202");
            assertThat(byId.statusCode()).isEqualTo(301);
            assertThat(byId.headers().firstValue("Location")).contains("/privacy-policy/");
            assertThat(app.get("/?page_id=999").statusCode()).isEqualTo(200); // unknown: the home page
        }
    }
}
