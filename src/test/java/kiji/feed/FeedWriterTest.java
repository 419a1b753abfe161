package kiji.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiji.article.Article;
import kiji.article.Category;
import kiji.article.Permalinks;
import kiji.article.Status;
import org.junit.jupiter.api.Test;

class FeedWriterTest {
    static final Publisher PUBLISHER = new Publisher("Kiji テスト新聞", "https://news.example.jp",
            new FeaturedImage("https://news.example.jp/logo.png", "image/png", 0, 600, 60),
            new FeaturedImage("https://news.example.jp/og.png", "image/png", 0, 1200, 630));
    static final Article ARTICLE = new Article(1922, "防衛大臣が会談(10月17日)", "", "本文", "<p>両大臣は&lt;協力&gt;で一致した。</p>",
            new Category(1, "japan-defense", "日本の防衛", "mod"), List.of("会談"), List.of("山田記者"), Status.PUBLISHED,
            Optional.of(Instant.parse("2024-10-21T01:58:00Z")), Instant.parse("2024-10-21T01:58:00Z"),
            Instant.parse("2024-10-21T03:00:00Z"));

    @Test
    void excerpt_setting_leaves_the_body_out_and_describes_with_the_body_start() throws Exception {
        var writer = new FeedWriter(PUBLISHER, new Permalinks(Permalinks.DEFAULT_PATTERN), new FeedSettings(false, 20),
                FeaturedImage.Source.none());
        var xml = writer.write(FeedRoutes.Feeds.site(), List.of(ARTICLE), FeedWriter.Format.RSS, Instant.EPOCH);
        var entry = FeedTest.rome(xml).getEntries().get(0);
        assertThat(entry.getContents()).isEmpty();
        assertThat(entry.getDescription().getValue()).isEqualTo("両大臣は<協力>で一致した。");
        assertThat(xml).doesNotContain("content:encoded");
    }

    @Test
    void a_featured_photo_becomes_an_rss_enclosure_and_an_atom_enclosure_link() throws Exception {
        var photo = new FeaturedImage("https://news.example.jp/media/1922.jpg", "image/jpeg", 123_456, 1600, 900);
        var writer = new FeedWriter(PUBLISHER, new Permalinks(Permalinks.DEFAULT_PATTERN), FeedSettings.defaults(),
                a -> a.id() == 1922 ? Optional.of(photo) : Optional.empty());
        var rss = FeedTest.dom(writer.write(FeedRoutes.Feeds.site(), List.of(ARTICLE), FeedWriter.Format.RSS, Instant.EPOCH));
        var enclosure = (org.w3c.dom.Element) rss.getElementsByTagName("enclosure").item(0);
        assertThat(enclosure.getAttribute("url")).isEqualTo(photo.url());
        assertThat(enclosure.getAttribute("type")).isEqualTo("image/jpeg");
        assertThat(enclosure.getAttribute("length")).isEqualTo("123456");
        var atom = FeedTest.rome(writer.write(FeedRoutes.Feeds.site(), List.of(ARTICLE), FeedWriter.Format.ATOM,
                Instant.EPOCH));
        assertThat(atom.getEntries().get(0).getEnclosures()).singleElement()
                .satisfies(e -> assertThat(e.getUrl()).isEqualTo(photo.url()));
    }

    @Test
    void an_edit_after_publication_is_the_entry_update_time() throws Exception {
        var writer = new FeedWriter(PUBLISHER, new Permalinks(Permalinks.DEFAULT_PATTERN), FeedSettings.defaults(),
                FeaturedImage.Source.none());
        var atom = FeedTest.dom(writer.write(FeedRoutes.Feeds.site(), List.of(ARTICLE), FeedWriter.Format.ATOM,
                Instant.EPOCH));
        var entry = (org.w3c.dom.Element) atom.getElementsByTagNameNS("*", "entry").item(0);
        assertThat(entry.getElementsByTagNameNS("*", "published").item(0).getTextContent()).isEqualTo("2024-10-21T10:58:00+09:00");
        assertThat(entry.getElementsByTagNameNS("*", "updated").item(0).getTextContent()).isEqualTo("2024-10-21T12:00:00+09:00");
    }

    @Test
    void settings_come_from_the_environment_and_bad_values_are_refused() {
        assertThat(FeedSettings.fromEnvironment(Map.of())).isEqualTo(new FeedSettings(true, 20));
        assertThat(FeedSettings.fromEnvironment(Map.of("KIJI_FEED_CONTENT", "excerpt", "KIJI_FEED_ITEMS", "50")))
                .isEqualTo(new FeedSettings(false, 50));
        assertThatThrownBy(() -> FeedSettings.fromEnvironment(Map.of("KIJI_FEED_CONTENT", "summary")))
                .hasMessageContaining("KIJI_FEED_CONTENT must be full or excerpt");
        assertThatThrownBy(() -> FeedSettings.fromEnvironment(Map.of("KIJI_FEED_ITEMS", "0")))
                .hasMessageContaining("KIJI_FEED_ITEMS");
    }
}
