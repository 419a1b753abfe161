package kiji.importer;

import kiji.article.MarkdownRenderer;

/**
 * An item's body as Kiji stores it. Kiji's articles are Markdown whose raw HTML is escaped, so
 * an imported HTML body is stored behind {@link MarkdownRenderer#HTML_BODY}: the renderer then
 * runs it through the same allow-list sanitizer instead of CommonMark (see that constant).
 *
 * @param stored what goes into the article's body
 * @param html the body as HTML (for a missing title's first words), not yet sanitized
 */
record ItemBody(String stored, String html, int shortcodesRemoved) {
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
