package kiji.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

// One site for every test here: they only read it.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedTest {
    TestKiji app;

    @BeforeAll
    void start(@TempDir Path dir) {
        app = TestKiji.start(dir, MutableClock.at("2024-10-21T01:58:00Z"));
        FeedFixtures.article(app, "防衛大臣が会談(10月17日)", "japan-defense", List.of("防衛大臣", "会談"), List.of("山田記者"), 3);
        FeedFixtures.article(app, "人事発令 将補人事(10月18日)", "personnel", List.of("人事発令"), List.of(), 2);
        FeedFixtures.article(app, "護衛艦が共同訓練(10月19日)", "japan-defense", List.of("海自"), List.of("山田記者"), 1);
        FeedFixtures.draft(app, "まだ公開しない記事");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void site_rss_parses_with_rome_and_lists_public_articles_newest_first() throws Exception {
        var response = app.get("/feed.xml");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/rss+xml; charset=utf-8");
        var feed = rome(response.body());
        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getLanguage()).isEqualTo("ja");
        assertThat(titles(feed)).containsExactly("護衛艦が共同訓練(10月19日)", "人事発令 将補人事(10月18日)", "防衛大臣が会談(10月17日)");
        var first = feed.getEntries().get(0);
        assertThat(first.getLink()).isEqualTo("http://localhost:8080/docs/mod/000003.html");
        assertThat(first.getContents().get(0).getValue()).contains("<p class=\"note\">※注記です。</p>");
        assertThat(first.getDescription().getValue()).isEqualTo("護衛艦が共同訓練(10月19日)のリード。");
    }

    @Test
    void rss_dates_carry_japan_offset_and_the_dom_parser_reads_the_same_items() throws Exception {
        var dom = dom(app.get("/feed.xml").body());
        var items = dom.getElementsByTagName("item");
        assertThat(items.getLength()).isEqualTo(3);
        var first = (org.w3c.dom.Element) items.item(0);
        // published 2024-10-21 00:58 UTC = 09:58 JST
        assertThat(first.getElementsByTagName("pubDate").item(0).getTextContent())
                .isEqualTo("Mon, 21 Oct 2024 09:58:00 +0900");
        assertThat(first.getElementsByTagName("guid").item(0).getAttributes().getNamedItem("isPermaLink").getNodeValue())
                .isEqualTo("true");
        assertThat(dom.getElementsByTagName("lastBuildDate").item(0).getTextContent()).endsWith("+0900");
        var self = (org.w3c.dom.Element) dom.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link").item(0);
        assertThat(self.getAttribute("href")).isEqualTo("http://localhost:8080/feed.xml");
    }

    @Test
    void atom_parses_with_rome_and_the_dom_parser_with_japan_offset() throws Exception {
        var response = app.get("/atom.xml");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/atom+xml; charset=utf-8");
        var feed = rome(response.body());
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(titles(feed)).hasSize(3);
        var dom = dom(response.body());
        var entry = (org.w3c.dom.Element) dom.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").item(0);
        assertThat(entry.getElementsByTagNameNS("*", "published").item(0).getTextContent())
                .isEqualTo("2024-10-21T09:58:00+09:00");
        assertThat(entry.getElementsByTagNameNS("*", "updated").item(0).getTextContent()).endsWith("+09:00");
        assertThat(entry.getElementsByTagNameNS("*", "content").item(0).getTextContent()).contains("※注記です。");
    }

    @Test
    void category_tag_and_author_feeds_carry_only_their_articles() throws Exception {
        assertThat(titles(rome(app.get("/category/personnel/feed.xml").body())))
                .containsExactly("人事発令 将補人事(10月18日)");
        assertThat(titles(rome(app.get("/category/japan-defense/atom.xml").body())))
                .containsExactly("護衛艦が共同訓練(10月19日)", "防衛大臣が会談(10月17日)");
        assertThat(titles(rome(app.get("/tag/%E6%B5%B7%E8%87%AA/feed.xml").body())))
                .containsExactly("護衛艦が共同訓練(10月19日)");
        var byAuthor = rome(app.get("/author/%E5%B1%B1%E7%94%B0%E8%A8%98%E8%80%85/atom.xml").body());
        assertThat(titles(byAuthor)).containsExactly("護衛艦が共同訓練(10月19日)", "防衛大臣が会談(10月17日)");
        assertThat(byAuthor.getTitle()).isEqualTo("執筆: 山田記者 | Kiji 防衛ニュース");
    }

    @Test
    void unknown_category_and_tag_feeds_answer_404() {
        assertThat(app.get("/category/nothing/feed.xml").statusCode()).isEqualTo(404);
        assertThat(app.get("/tag/%E5%AD%98%E5%9C%A8%E3%81%97%E3%81%AA%E3%81%84/atom.xml").statusCode()).isEqualTo(404);
        assertThat(app.get("/author/nobody/feed.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void every_page_advertises_the_site_feeds_and_listings_their_own() {
        var home = app.get("/").body();
        assertThat(home).contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Kiji 防衛ニュース (RSS)\" href=\"/feed.xml\">")
                .contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Kiji 防衛ニュース (Atom)\" href=\"/atom.xml\">");
        assertThat(app.get("/docs/mod/000001.html").body()).contains("href=\"/feed.xml\"").contains("href=\"/atom.xml\"");
        var category = app.get("/category/personnel").body();
        assertThat(category).contains("href=\"/feed.xml\"")
                .contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"人事発令 (RSS)\" href=\"/category/personnel/feed.xml\">")
                .contains("href=\"/category/personnel/atom.xml\"");
        assertThat(app.get("/tag/%E6%B5%B7%E8%87%AA").body()).contains("href=\"/tag/%E6%B5%B7%E8%87%AA/feed.xml\"");
    }

    static SyndFeed rome(String xml) throws Exception {
        return new SyndFeedInput().build(new StringReader(xml));
    }

    static Document dom(String xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    static List<String> titles(SyndFeed feed) {
        var out = new ArrayList<String>();
        feed.getEntries().forEach(e -> out.add(e.getTitle()));
        return out;
    }
}
