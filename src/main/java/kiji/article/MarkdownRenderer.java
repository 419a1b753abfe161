package kiji.article;

import java.util.List;
import java.util.Map;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Markdown (CommonMark with GFM tables) to HTML that is safe to show readers. Raw HTML in the
 * Markdown is escaped, and the result passes an allow-list sanitizer as a second wall, so
 * neither a careless editor nor a stolen token can put active content on a page.
 *
 * <p>Two conventions of Japanese government releases get their own classes: a paragraph that
 * starts with ※ is a note ({@code class="note"}), and a closing (以上) is {@code class="end"}.
 * A photo from the media library ({@code ![…](/media/12/960.jpg)}) gets its other sizes as
 * {@code srcset}/{@code sizes}, its pixel size and lazy loading, so a phone loads 480 pixels.
 */
public final class MarkdownRenderer {
    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "em",
                    "strong", "del", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td", "img",
                    "figure", "figcaption", "small", "sup", "sub")
            .allowAttributes("class").matching(true, "note", "end").onElements("p")
            .allowAttributes("align").matching(true, "left", "center", "right").onElements("th", "td")
            .allowAttributes("href").onElements("a")
            .allowAttributes("src", "alt", "width", "height").onElements("img")
            // srcset holds several URLs: each must be one src would accept (see Srcset)
            .allowAttributes("srcset").matching((element, name, value) -> Srcset.clean(value)).onElements("img")
            .allowAttributes("sizes").matching(Srcset.SIZES).onElements("img")
            .allowAttributes("loading").matching(true, "lazy", "eager").onElements("img")
            .allowAttributes("decoding").matching(true, "async").onElements("img")
            .allowAttributes("start").onElements("ol")
            // A URL without a scheme (/media/…) is relative and allowed; javascript:, data: and
            // every other scheme are dropped.
            .allowUrlProtocols("https", "http", "mailto")
            .toFactory();

    /**
     * A body that starts with this comment is HTML, not Markdown: a post imported from WordPress
     * or Movable Type ({@code kiji import}), whose figures, captions and tables Markdown cannot
     * say. It passes the same allow-list as every rendering; it stays HTML when edited, since the
     * editor keeps the first line. An editor writing Markdown never starts with it: CommonMark
     * would show it as text.
     */
    public static final String HTML_BODY = "<!-- kiji:html -->";

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer;

    /** A renderer that knows no media library: body photos get no {@code srcset}. */
    public MarkdownRenderer() {
        this(ArticlePhoto.Library.none());
    }

    public MarkdownRenderer(ArticlePhoto.Library photos) {
        this.renderer = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .escapeHtml(true)
                .sanitizeUrls(true)
                .attributeProviderFactory(ctx -> new ReleaseConventions(photos))
                .build();
    }

    public String render(String markdown) {
        if (markdown.startsWith(HTML_BODY)) return sanitize(markdown.substring(HTML_BODY.length()).strip());
        return sanitize(renderer.render(parser.parse(markdown)));
    }

    /** The allow-list alone, for any HTML: what {@link #render} applies after CommonMark. */
    public static String sanitize(String html) {
        return POLICY.sanitize(html);
    }

    private record ReleaseConventions(ArticlePhoto.Library photos) implements AttributeProvider {
        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            if (node instanceof Image image) {
                photo(image, attributes);
                return;
            }
            if (!(node instanceof Paragraph) || !(node.getFirstChild() instanceof Text text)) return;
            var literal = text.getLiteral().strip();
            if (literal.startsWith("※")) {
                attributes.put("class", "note");
            } else if (node.getFirstChild().getNext() == null && literal.matches("[(（]以上[)）]")) {
                attributes.put("class", "end");
            }
        }

        private void photo(Image image, Map<String, String> attributes) {
            var variant = ArticlePhoto.Variant.of(image.getDestination());
            var photo = variant.flatMap(v -> photos.find(v.photoId()));
            if (photo.isEmpty() || !photo.get().variants().contains(variant.get().width())) return;
            var p = photo.get();
            int w = variant.get().width();
            attributes.put("src", p.url(w)); // the same path, or the CDN's URL of the file
            attributes.put("srcset", p.srcset());
            attributes.put("sizes", ArticlePhoto.SIZES);
            attributes.put("width", Integer.toString(w));
            attributes.put("height", Integer.toString(p.heightAt(w)));
            attributes.put("loading", "lazy");
            attributes.put("decoding", "async");
        }
    }
}
