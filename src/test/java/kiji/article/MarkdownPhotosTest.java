package kiji.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Photos placed in the body get srcset/sizes from their stored variants, and the sanitizer lets
 * srcset through only when every URL in it is one it would accept as src.
 */
class MarkdownPhotosTest {
    static final ArticlePhoto PHOTO = new ArticlePhoto(12, "jpg", 2000, 1000, List.of(480, 960, 1600), "観艦式",
            "防衛省", 123_456);
    static final ArticlePhoto.Library LIBRARY = id -> id == 12 ? Optional.of(PHOTO) : Optional.empty();

    final MarkdownRenderer renderer = new MarkdownRenderer(LIBRARY);

    @Test
    void a_library_photo_in_the_body_gets_srcset_sizes_its_size_and_lazy_loading() {
        var img = Jsoup.parse(renderer.render("本文\n\n![観艦式](/media/12/960.jpg)\n\n観艦式（写真:防衛省）")).selectFirst("img");
        assertThat(img.attr("src")).isEqualTo("/media/12/960.jpg");
        assertThat(img.attr("srcset")).isEqualTo("/media/12/480.jpg 480w, /media/12/960.jpg 960w, /media/12/1600.jpg 1600w");
        assertThat(img.attr("sizes")).isEqualTo("(max-width: 688px) 100vw, 640px");
        assertThat(img.attr("width")).isEqualTo("960");
        assertThat(img.attr("height")).isEqualTo("480");
        assertThat(img.attr("loading")).isEqualTo("lazy");
        assertThat(img.attr("alt")).isEqualTo("観艦式");
    }

    @Test
    void other_images_and_unknown_photos_stay_plain() {
        for (var md : List.of("![x](/media/99/960.jpg)", "![x](/media/12/700.jpg)", "![x](https://example.jp/a.jpg)")) {
            var img = Jsoup.parse(renderer.render(md)).selectFirst("img");
            assertThat(img.hasAttr("srcset")).as(md).isFalse();
            assertThat(img.hasAttr("sizes")).as(md).isFalse();
        }
        assertThat(new MarkdownRenderer().render("![x](/media/12/960.jpg)")).doesNotContain("srcset");
    }

    @Test
    void srcset_survives_the_sanitizer_only_with_urls_it_accepts_for_src() {
        assertThat(srcsetAfterSanitizing("/media/1/480.jpg 480w, /media/1/960.jpg 960w"))
                .isEqualTo("/media/1/480.jpg 480w, /media/1/960.jpg 960w");
        assertThat(srcsetAfterSanitizing("https://cdn.example.jp/a.jpg 1x,https://cdn.example.jp/b.jpg 2x"))
                .isEqualTo("https://cdn.example.jp/a.jpg 1x, https://cdn.example.jp/b.jpg 2x");
        for (var bad : List.of(
                "javascript:alert(1) 1x",
                " JaVaScRiPt:alert(1)",
                "/media/1/480.jpg 480w, javascript:alert(1) 960w",
                "&#x6A;avascript:alert(1) 1x",
                "java&#x09;script:alert(1) 1x",
                "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+ 1x",
                "/media/1/480.jpg 480w, data:image/png;base64,iVBORw0KGgo= 960w",
                "vbscript:msgbox(1) 1x",
                "//evil.example/a.jpg 1x",
                "/a.jpg 480w onerror=alert(1)",
                "/a.jpg\" onerror=\"alert(1)")) {
            var left = srcsetAfterSanitizing(bad);
            // dropped whole, or only the harmless candidates left
            if (left != null) {
                for (var candidate : left.split(",")) {
                    assertThat(candidate.strip()).as(bad).matches("(/(?!/)|https?://)[^\\s\"]*( [0-9]+[wx])?");
                }
                assertThat(left).as(bad).doesNotContainIgnoringCase("script").doesNotContain("data:").doesNotContain("onerror");
            }
        }
    }

    @Test
    void sizes_and_loading_keep_only_harmless_values_and_figures_are_allowed() {
        var kept = MarkdownRenderer.sanitize("<figure><img src=\"/a.jpg\" sizes=\"(max-width: 688px) 100vw, 640px\""
                + " loading=\"lazy\"><figcaption>観艦式<small>（写真:防衛省）</small></figcaption></figure>");
        var doc = Jsoup.parse(kept);
        assertThat(doc.select("figure > img").attr("sizes")).isEqualTo("(max-width: 688px) 100vw, 640px");
        assertThat(doc.select("figure > img").attr("loading")).isEqualTo("lazy");
        assertThat(doc.select("figure > figcaption").text()).isEqualTo("観艦式（写真:防衛省）");
        var dropped = Jsoup.parse(MarkdownRenderer.sanitize(
                "<img src=\"/a.jpg\" sizes=\"url(javascript:alert(1))\" loading=\"javascript:alert(1)\">")).selectFirst("img");
        assertThat(dropped.hasAttr("sizes")).isFalse();
        assertThat(dropped.hasAttr("loading")).isFalse();
        // srcset belongs on img only
        assertThat(MarkdownRenderer.sanitize("<a href=\"/x\" srcset=\"/a.jpg 1x\">x</a>")).doesNotContain("srcset");
    }

    private static String srcsetAfterSanitizing(String srcset) {
        var html = MarkdownRenderer.sanitize("<img src=\"/a.jpg\" srcset=\"" + srcset + "\" alt=\"x\">");
        var img = Jsoup.parse(html).selectFirst("img");
        assertThat(img).as(html).isNotNull();
        return img.hasAttr("srcset") ? img.attr("srcset") : null;
    }
}
