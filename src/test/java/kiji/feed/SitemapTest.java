package kiji.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import kiji.article.ArticleLinks;
import kiji.article.Permalinks;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SitemapTest {
    TestKiji app;
    MutableClock clock = MutableClock.at("2024-10-21T01:58:00Z");

    @BeforeAll
    void start(@TempDir Path dir) {
        app = TestKiji.start(dir, clock);
        FeedFixtures.article(app, "三日前の記事", "japan-defense", List.of("防衛大臣"), List.of(), 72);
        FeedFixtures.article(app, "昨日の記事", "personnel", List.of("人事発令", "空自"), List.of(), 24);
        FeedFixtures.article(app, "今朝の記事 <速報> & 続報", "japan-defense", List.of("空自"), List.of(), 1);
        FeedFixtures.draft(app, "下書き");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void sitemap_index_validates_and_names_every_sitemap() throws Exception {
        var xml = app.get("/sitemap.xml").body();
        validate(xml, "siteindex.xsd");
        assertThat(locs(xml)).containsExactly("http://localhost:8080/sitemaps/articles-1.xml",
                "http://localhost:8080/sitemaps/categories.xml", "http://localhost:8080/sitemaps/tags.xml",
                "http://localhost:8080/sitemaps/news.xml");
    }

    @Test
    void article_category_and_tag_sitemaps_validate_and_list_public_urls_only() throws Exception {
        var articles = app.get("/sitemaps/articles-1.xml").body();
        validate(articles, "sitemap.xsd");
        assertThat(locs(articles)).containsExactly("http://localhost:8080/docs/mod/000001.html",
                "http://localhost:8080/docs/jinji/000002.html", "http://localhost:8080/docs/mod/000003.html");
        // lastmod is the later of publication and last save (here: saved now, dated three days back)
        assertThat(articles).contains("<lastmod>2024-10-21T10:58:00+09:00</lastmod>");
        var categories = app.get("/sitemaps/categories.xml").body();
        validate(categories, "sitemap.xsd");
        assertThat(locs(categories)).containsExactly("http://localhost:8080/category/japan-defense",
                "http://localhost:8080/category/personnel");
        var tags = app.get("/sitemaps/tags.xml").body();
        validate(tags, "sitemap.xsd");
        assertThat(locs(tags)).containsExactlyInAnyOrder("http://localhost:8080/tag/%E4%BA%BA%E4%BA%8B%E7%99%BA%E4%BB%A4",
                "http://localhost:8080/tag/%E7%A9%BA%E8%87%AA", "http://localhost:8080/tag/%E9%98%B2%E8%A1%9B%E5%A4%A7%E8%87%A3");
        assertThat(app.get("/sitemaps/articles-2.xml").statusCode()).isEqualTo(404);
        assertThat(app.get("/sitemaps/other.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void news_sitemap_has_the_last_48_hours_with_google_news_fields() throws Exception {
        var xml = app.get("/sitemaps/news.xml").body();
        validate(xml, "sitemap.xsd", "sitemap-news.xsd");
        var doc = FeedTest.dom(xml);
        var news = doc.getElementsByTagNameNS(Sitemaps.NEWS_NS, "news");
        assertThat(news.getLength()).isEqualTo(2);
        var first = (Element) news.item(0);
        assertThat(text(first, "name")).isEqualTo("Kiji 防衛ニュース");
        assertThat(text(first, "language")).isEqualTo("ja");
        assertThat(text(first, "publication_date")).isEqualTo("2024-10-21T09:58:00+09:00");
        assertThat(text(first, "title")).isEqualTo("今朝の記事 <速報> & 続報");
        assertThat(text((Element) news.item(1), "title")).isEqualTo("昨日の記事");
    }

    @Test
    void article_sitemaps_are_paged_at_the_page_size() throws Exception {
        var sitemaps = new Sitemaps(new ArticleLinks(app.kiji.database.jdbi()), new Permalinks(Permalinks.DEFAULT_PATTERN),
                FeedWriterTest.PUBLISHER, 2);
        var now = clock.instant();
        assertThat(sitemaps.articlePages(now)).isEqualTo(2);
        validate(sitemaps.index(now), "siteindex.xsd");
        assertThat(locs(sitemaps.index(now))).contains("https://news.example.jp/sitemaps/articles-2.xml");
        var second = sitemaps.articles(2, now).orElseThrow();
        validate(second, "sitemap.xsd");
        assertThat(locs(second)).containsExactly("https://news.example.jp/docs/mod/000003.html");
        assertThat(sitemaps.articles(3, now)).isEmpty();
        assertThat(new Sitemaps(new ArticleLinks(app.kiji.database.jdbi()), new Permalinks(Permalinks.DEFAULT_PATTERN),
                FeedWriterTest.PUBLISHER, Sitemaps.PROTOCOL_LIMIT).articlePages(now)).isEqualTo(1);
        assertThat(sitemaps.news(now.plus(Duration.ofDays(3)))).doesNotContain("<url>");
    }

    @Test
    void robots_txt_points_at_the_sitemaps() {
        var robots = app.get("/robots.txt");
        assertThat(robots.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(robots.body()).contains("Sitemap: http://localhost:8080/sitemap.xml")
                .contains("Sitemap: http://localhost:8080/sitemaps/news.xml").contains("Disallow: /api/admin/");
    }

    static void validate(String xml, String... schemas) throws Exception {
        var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        var sources = new ArrayList<StreamSource>();
        for (var name : schemas) {
            sources.add(new StreamSource(SitemapTest.class.getResource("/xsd/" + name).toExternalForm()));
        }
        factory.newSchema(sources.toArray(StreamSource[]::new)).newValidator()
                .validate(new StreamSource(new StringReader(xml)));
    }

    static List<String> locs(String xml) throws Exception {
        var nodes = FeedTest.dom(xml).getElementsByTagNameNS(Sitemaps.NS, "loc");
        var out = new ArrayList<String>();
        for (int i = 0; i < nodes.getLength(); i++) out.add(nodes.item(i).getTextContent());
        return out;
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(Sitemaps.NEWS_NS, name).item(0).getTextContent();
    }
}
