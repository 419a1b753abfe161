package kiji.importer;

import java.util.Optional;
import java.util.function.Function;
import kiji.article.MarkdownRenderer;
import kiji.article.RenderedBody;

/**
 * An item's body as Kiji stores it. Kiji's articles are Markdown whose raw HTML is escaped, so
 * an imported HTML body is stored behind {@link MarkdownRenderer#HTML_BODY}: the renderer then
 * runs it through the same allow-list sanitizer instead of CommonMark (see that constant).
 *
 * @param stored what goes into the article's body
 * @param html the body as HTML (for a missing title's first words), not yet sanitized
 * @param rendered {@code stored} through the sanitizer, when made ahead of the save
 */
record ItemBody(String stored, String html, int shortcodesRemoved, Optional<RenderedBody> rendered) {
    ItemBody(String stored, String html, int shortcodesRemoved) {
        this(stored, html, shortcodesRemoved, Optional.empty());
    }

    /** The same body with its rendering made now (on the reading thread, off the writing one). */
    ItemBody prerendered(Function<String, Optional<RenderedBody>> renderer) {
        return new ItemBody(stored, html, shortcodesRemoved, renderer.apply(stored));
    }

    static ItemBody of(ImportItem item) {
        return switch (item.format()) {
            case WORDPRESS -> {
                var converted = WordPressBody.convert(item.body());
                yield html(converted.html(), converted.shortcodesRemoved());
            }
            case HTML -> html(item.body().strip(), 0);
            case BREAKS -> html(WpAutop.apply(item.body()), 0);
            case MARKDOWN -> new ItemBody(item.body().strip(), item.body(), 0);
        };
    }

    private static ItemBody html(String html, int shortcodes) {
        return new ItemBody(MarkdownRenderer.HTML_BODY + "\n" + html, html, shortcodes);
    }
}
