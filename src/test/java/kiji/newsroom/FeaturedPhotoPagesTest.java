package kiji.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.io.SyndFeedInput;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import kiji.article.Article;
import kiji.article.ArticleDraft;
import kiji.article.Status;
import kiji.testing.HtmlChecker;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

/**
 * What a featured photo changes for readers and for what carries the article (issue #6): the
 * page's figure, srcset on body photos, Open Graph / Twitter / JSON-LD image, and feed
 * enclosures; an article without one keeps the site's default image and no enclosure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeaturedPhotoPagesTest {
    static final String BASE = "http://localhost:8080";
    TestKiji app;
    Path data;
    Photo jpeg;
    Photo png;
    Article withPhoto;
    Article withPng;
    Article without;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        data = dir;
        app = TestKiji.start(dir, MutableClock.at("2024-10-21T01:58:00Z"));
        app.category("japan-defense", "日本の防衛", "mod");
        var user = app.kiji.newsroom.users.add("sato", "佐藤", Role.EDITOR, "編集者のパスワード1");
        jpeg = app.kiji.newsroom.photos.upload(PhotoUploadTest.jpeg(2000, 1000), "観艦式の護衛艦", "防衛省", user);
        png = app.kiji.newsroom.photos.upload(png(800, 600), "部隊の編成図", "", user);
        without = article("写真のない記事(10月19日)", "本文です。", Optional.empty(), 3);
        withPng = article("編成図を公表(10月20日)", "本文です。", Optional.of(png.id()), 2);
        withPhoto = article("観艦式を公開(10月21日)", "大臣は観艦式に臨んだ。\n\n" + png.markdown() + "\n\n（以上）",
                Optional.of(jpeg.id()), 1);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void the_article_page_opens_with_the_featured_photo_as_a_figure_with_srcset_and_credit() {
        var doc = page(withPhoto);
        var img = doc.selectFirst("article figure.article-photo > img");
        assertThat(img).isNotNull();
        long p = jpeg.id();
        assertThat(img.attr("src")).isEqualTo("/media/" + p + "/960.jpg");
        assertThat(img.attr("srcset")).isEqualTo("/media/%d/480.jpg 480w, /media/%d/960.jpg 960w, /media/%d/1600.jpg 1600w"
                .formatted(p, p, p));
        assertThat(img.attr("sizes")).isEqualTo("(max-width: 688px) 100vw, 640px");
        assertThat(img.attr("width")).isEqualTo("960");
        assertThat(img.attr("height")).isEqualTo("480");
        assertThat(img.attr("alt")).isEqualTo("観艦式の護衛艦");
        assertThat(img.attr("loading")).isEqualTo("eager");
        assertThat(doc.select("figure.article-photo > figcaption").text()).isEqualTo("観艦式の護衛艦（写真:防衛省）");
        // at the top: before the lead and the body
        assertThat(doc.select("article.article > *").eachAttr("class")).startsWith("article-header", "article-photo");

        var bodyImg = doc.selectFirst(".article-body img");
        assertThat(bodyImg.attr("src")).isEqualTo("/media/" + png.id() + "/800.png");
        assertThat(bodyImg.attr("srcset")).isEqualTo("/media/%d/480.png 480w, /media/%d/800.png 800w"
                .formatted(png.id(), png.id()));
        assertThat(bodyImg.attr("sizes")).isEqualTo("(max-width: 688px) 100vw, 640px");
        assertThat(bodyImg.attr("width") + "x" + bodyImg.attr("height")).isEqualTo("800x600");
        assertThat(bodyImg.attr("loading")).isEqualTo("lazy");

        assertThat(page(without).select("figure")).isEmpty();
        assertThat(page(withPng).select("figure.article-photo > figcaption").text()).isEqualTo("部隊の編成図");
    }

    @Test
    void a_page_with_a_featured_and_a_body_photo_passes_the_html_checker() {
        assertThat(new HtmlChecker().errors(app.get(app.kiji.permalinks.of(withPhoto)).body())).isEmpty();
    }

    @Test
    void open_graph_twitter_and_json_ld_use_the_featured_photo_and_others_keep_the_default() throws Exception {
        var doc = page(withPhoto);
        var image = BASE + "/media/" + jpeg.id() + "/1600.jpg";
        assertThat(meta(doc, "og:image")).isEqualTo(image);
        assertThat(meta(doc, "og:image:width")).isEqualTo("1600");
        assertThat(meta(doc, "og:image:height")).isEqualTo("800");
        assertThat(meta(doc, "og:image:alt")).isEqualTo("観艦式の護衛艦");
        assertThat(meta(doc, "twitter:card")).isEqualTo("summary_large_image");
        assertThat(meta(doc, "twitter:image")).isEqualTo(image);
        assertThat(meta(doc, "twitter:image:alt")).isEqualTo("観艦式の護衛艦");
        var ld = newsArticle(doc).path("image").get(0);
        assertThat(ld.path("url").asText()).isEqualTo(image);
        assertThat(ld.path("width").asInt()).isEqualTo(1600);
        assertThat(ld.path("height").asInt()).isEqualTo(800);

        var plain = page(without);
        assertThat(meta(plain, "og:image")).matches(BASE + "/assets/kiji-og\\.[0-9a-f]{10}\\.png");
        assertThat(meta(plain, "og:image:alt")).isNull();
        assertThat(newsArticle(plain).path("image").get(0).path("url").asText()).isEqualTo(meta(plain, "og:image"));
    }

    @Test
    void rss_items_carry_the_featured_photo_as_an_enclosure_for_rome_and_the_dom_parser() throws Exception {
        var xml = app.get("/feed.xml").body();
        var rome = new SyndFeedInput().build(new StringReader(xml));
        var byTitle = new java.util.HashMap<String, com.rometools.rome.feed.synd.SyndEntry>();
        rome.getEntries().forEach(e -> byTitle.put(e.getTitle(), e));
        var enclosure = byTitle.get(withPhoto.title()).getEnclosures().get(0);
        assertThat(enclosure.getUrl()).isEqualTo(BASE + "/media/" + jpeg.id() + "/1600.jpg");
        assertThat(enclosure.getType()).isEqualTo("image/jpeg");
        assertThat(enclosure.getLength()).isEqualTo(fileSize(jpeg, "1600.jpg")).isPositive();
        var pngEnclosure = byTitle.get(withPng.title()).getEnclosures().get(0);
        assertThat(pngEnclosure.getType()).isEqualTo("image/png");
        assertThat(pngEnclosure.getUrl()).isEqualTo(BASE + "/media/" + png.id() + "/800.png");
        assertThat(pngEnclosure.getLength()).isEqualTo(fileSize(png, "800.png"));
        assertThat(byTitle.get(without.title()).getEnclosures()).isEmpty();

        var items = dom(xml).getElementsByTagName("item");
        var seen = new ArrayList<String>();
        for (int i = 0; i < items.getLength(); i++) {
            var item = (org.w3c.dom.Element) items.item(i);
            var title = item.getElementsByTagName("title").item(0).getTextContent();
            var enc = item.getElementsByTagName("enclosure");
            if (enc.getLength() == 0) {
                seen.add(title + ": none");
                continue;
            }
            var e = (org.w3c.dom.Element) enc.item(0);
            seen.add(title + ": " + e.getAttribute("type") + " " + e.getAttribute("length") + " " + e.getAttribute("url"));
        }
        assertThat(seen).containsExactly(
                withPhoto.title() + ": image/jpeg " + fileSize(jpeg, "1600.jpg") + " " + BASE + "/media/" + jpeg.id() + "/1600.jpg",
                withPng.title() + ": image/png " + fileSize(png, "800.png") + " " + BASE + "/media/" + png.id() + "/800.png",
                without.title() + ": none");
    }

    @Test
    void atom_entries_link_the_featured_photo_as_an_enclosure() throws Exception {
        var xml = app.get("/atom.xml").body();
        var entry = new SyndFeedInput().build(new StringReader(xml)).getEntries().get(0);
        assertThat(entry.getTitle()).isEqualTo(withPhoto.title());
        assertThat(entry.getEnclosures()).singleElement()
                .satisfies(e -> assertThat(e.getUrl()).isEqualTo(BASE + "/media/" + jpeg.id() + "/1600.jpg"));
        var links = dom(xml).getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link");
        var enclosures = new ArrayList<String>();
        for (int i = 0; i < links.getLength(); i++) {
            var l = (org.w3c.dom.Element) links.item(i);
            if (l.getAttribute("rel").equals("enclosure")) {
                enclosures.add(l.getAttribute("type") + " " + l.getAttribute("length") + " " + l.getAttribute("href"));
            }
        }
        assertThat(enclosures).containsExactly(
                "image/jpeg " + fileSize(jpeg, "1600.jpg") + " " + BASE + "/media/" + jpeg.id() + "/1600.jpg",
                "image/png " + fileSize(png, "800.png") + " " + BASE + "/media/" + png.id() + "/800.png");
    }

    private Article article(String title, String body, Optional<Long> photo, int hoursAgo) {
        return app.kiji.articleService.create(new ArticleDraft(Optional.empty(), title, "リードです。", body,
                "japan-defense", List.of("観艦式"), List.of("山田記者"), Status.PUBLISHED,
                Optional.of(app.kiji.clock.instant().minusSeconds(3600L * hoursAgo)), photo));
    }

    private Document page(Article a) {
        var res = app.get(app.kiji.permalinks.of(a));
        assertThat(res.statusCode()).isEqualTo(200);
        return Jsoup.parse(res.body());
    }

    private long fileSize(Photo p, String name) throws IOException {
        return Files.size(data.resolve("media").resolve(String.valueOf(p.id())).resolve(name));
    }

    private static String meta(Document doc, String key) {
        var m = doc.selectFirst("meta[property=" + key + "], meta[name=" + key + "]");
        return m == null ? null : m.attr("content");
    }

    private static JsonNode newsArticle(Document doc) throws IOException {
        for (var script : doc.select("script[type=application/ld+json]")) {
            var node = new ObjectMapper().readTree(script.data());
            if (node.path("@type").asText().equals("NewsArticle")) return node;
        }
        throw new AssertionError("no NewsArticle");
    }

    private static org.w3c.dom.Document dom(String xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    static byte[] png(int w, int h) throws IOException {
        var image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new java.awt.Color(40, 90, 60));
        g.fillRect(0, 0, w, h);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
