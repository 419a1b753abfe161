package kiji.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
    @Test
    void block_elements_end_lines_and_inline_tags_vanish() {
        assertThat(HtmlText.of("<h2>概要</h2><p>防衛装備庁は<strong>12日</strong>、<a href=\"/x\">発表</a>した。</p><ul><li>一</li><li>二</li></ul>"))
                .isEqualTo("概要\n防衛装備庁は12日、発表した。\n一\n二");
    }

    @Test
    void script_and_style_content_is_not_text() {
        assertThat(HtmlText.of("<p>前</p><script>alert('x')</script ><STYLE>p{}</style>後")).isEqualTo("前\n後");
    }

    @Test
    void entities_are_decoded_once() {
        assertThat(HtmlText.of("<p>&lt;script&gt; &amp;lt; &#x41;&#66; a&nbsp;b &unknown; &#99999999;</p>"))
                .isEqualTo("<script> &lt; AB a b &unknown; &#99999999;");
    }

    @Test
    void blank_lines_collapse_to_one_break() {
        assertThat(HtmlText.of("<p>一 \t</p>\n\n  <p>\n二</p><br><br>三&#10;&#10; 四")).isEqualTo("一\n二\n三\n四");
    }

    @Test
    void a_tag_name_only_starts_a_block_when_it_ends_there() {
        assertThat(HtmlText.of("a<param>b<pre>c<p_x>d")).isEqualTo("ab\ncd");
    }

    @Test
    void empty_and_missing_html_give_empty_text() {
        assertThat(HtmlText.of(null)).isEmpty();
        assertThat(HtmlText.of("")).isEmpty();
    }
}
