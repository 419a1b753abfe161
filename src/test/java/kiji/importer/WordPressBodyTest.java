package kiji.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Post content as WordPress showed it: wpautop, blocks, captions, shortcodes, titles. */
class WordPressBodyTest {
    @Test
    void classic_posts_get_paragraphs_at_blank_lines_and_breaks_at_single_ones() {
        var html = WordPressBody.convert("一行目\n二行目\n\n三行目\r\n\r\n<ul>\n<li>項目</li>\n</ul>\n最後").html();
        assertThat(html).isEqualTo("<p>一行目<br />\n二行目</p>\n<p>三行目</p>\n<ul>\n<li>項目</li>\n</ul>\n<p>最後</p>");
    }

    @Test
    void preformatted_text_keeps_its_line_breaks() {
        var html = WordPressBody.convert("前\n\n<pre>a\n\nb</pre>\n\n後").html();
        assertThat(html).contains("<pre>a\n\nb</pre>").contains("<p>前</p>", "<p>後</p>");
    }

    @Test
    void block_comments_are_dropped_and_their_html_kept_without_wpautop() {
        var html = WordPressBody.convert("""
                <!-- wp:paragraph -->
                <p>本文</p>
                <!-- /wp:paragraph -->

                <!-- wp:separator {"className":"is-style-wide"} /-->""").html();
        assertThat(html).isEqualTo("<p>本文</p>");
    }

    @Test
    void a_caption_becomes_a_figure_with_its_caption_from_the_text_or_the_attribute() {
        var text = WordPressBody.convert("[caption id=\"a\" width=\"300\"]<a href=\"/x.jpg\"><img src=\"/x.jpg\" alt=\"\" /></a> 説明[/caption]")
                .html();
        assertThat(text).isEqualTo("<figure><a href=\"/x.jpg\"><img src=\"/x.jpg\" alt=\"\" /></a><figcaption>説明</figcaption></figure>");
        var attribute = WordPressBody.convert("[caption caption=\"古い形式\"]<img src=\"/y.jpg\" />[/caption]").html();
        assertThat(attribute).isEqualTo("<figure><img src=\"/y.jpg\" /><figcaption>古い形式</figcaption></figure>");
    }

    @Test
    void other_shortcodes_are_removed_and_counted_but_japanese_brackets_stay() {
        var converted = WordPressBody.convert("[速報] 地震 [PR] [gallery ids=\"1,2\"] [contact-form-7 id=\"9\" /] [embed]動画[/embed]");
        assertThat(converted.shortcodesRemoved()).isEqualTo(3);
        assertThat(converted.html()).isEqualTo("<p>[速報] 地震 [PR]   動画</p>");
    }

    @Test
    void titles_are_plain_text_with_tags_stripped_and_entities_decoded() {
        assertThat(PlainTitle.of("<em>速報</em> A&amp;B &#8220;x&#8221; &lt;b&gt;", "")).isEqualTo("速報 A&B “x” <b>");
        assertThat(PlainTitle.of("", "<p>本文の最初の言葉</p>")).isEqualTo("本文の最初の言葉");
        assertThat(PlainTitle.of(" ", "<figure><img src=\"/a.jpg\"></figure>")).isEqualTo("(無題)");
        assertThat(PlainTitle.of("", "あ".repeat(40))).isEqualTo("あ".repeat(30) + "…");
    }

    @Test
    void japanese_category_slugs_become_stable_ascii_ones() {
        assertThat(CategorySlugs.of("politics")).isEqualTo("politics");
        assertThat(CategorySlugs.of("Local_News")).isEqualTo("local-news");
        assertThat(CategorySlugs.of("%e5%9c%b0%e5%9f%9f")).isEqualTo(CategorySlugs.of("地域")).matches("c-[0-9a-f]{10}");
    }
}
