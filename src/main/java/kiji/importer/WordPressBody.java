package kiji.importer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A post's stored content turned into the HTML WordPress showed: block comments dropped (their
 * HTML kept), classic posts through {@link WpAutop}, {@code [caption]} as a figure, every other
 * shortcode removed (its enclosed text kept) and counted. The result still goes through Kiji's
 * sanitizer when the article is saved.
 */
final class WordPressBody {
    private static final Pattern BLOCK_COMMENT = Pattern.compile("(?s)<!--\\s*/?wp:.*?-->");
    private static final Pattern MORE = Pattern.compile("<!--(?:more|nextpage|noteaser)(?:\\s[^>]*)?-->");
    private static final Pattern CAPTION = Pattern.compile("(?s)\\[(?:caption|wp_caption)([^\\]]*)\\](.*?)\\[/(?:caption|wp_caption)\\]");
    private static final Pattern CAPTION_IMAGE = Pattern.compile("(?s)^\\s*((?:<a\\s[^>]*>\\s*)?<img\\s[^>]*>(?:\\s*</a>)?)(.*)$");
    private static final Pattern CAPTION_ATTRIBUTE = Pattern.compile("caption=\"([^\"]*)\"");
    // a shortcode: [name], [name attr="…"], [name /], and closing [/name]; names are lower-case
    // ASCII, so Japanese brackets such as [速報] and abbreviations such as [PR] stay text
    private static final Pattern SHORTCODE = Pattern.compile("\\[/?([a-z][a-z0-9_-]*)(?:\\s[^\\]]*)?/?\\]");

    /** The HTML, and how many shortcodes were removed. */
    record Converted(String html, int shortcodesRemoved) {}

    private WordPressBody() {}

    static Converted convert(String content) {
        var s = content.replace("\r\n", "\n");
        boolean blocks = BLOCK_COMMENT.matcher(s).find();
        s = BLOCK_COMMENT.matcher(s).replaceAll("");
        s = MORE.matcher(s).replaceAll("");
        // figures wait outside wpautop (as WordPress runs shortcodes after it), as empty blocks
        var figures = new java.util.ArrayList<String>();
        s = CAPTION.matcher(s).replaceAll(m -> {
            figures.add(figure(m.group(1), m.group(2)));
            return "<figure data-caption=\"" + (figures.size() - 1) + "\"></figure>";
        });
        int[] removed = {0};
        s = SHORTCODE.matcher(s).replaceAll(m -> {
            if (m.group().startsWith("[/")) return "";
            removed[0]++;
            return "";
        });
        // block posts are stored as finished HTML; only classic posts get wpautop
        var html = blocks ? s.strip() : WpAutop.apply(s);
        for (int i = 0; i < figures.size(); i++) {
            html = html.replace("<figure data-caption=\"" + i + "\"></figure>", figures.get(i));
        }
        return new Converted(html, removed[0]);
    }

    private static String figure(String attributes, String inner) {
        var m = CAPTION_IMAGE.matcher(inner);
        String image;
        String caption;
        if (m.matches()) {
            image = m.group(1).strip();
            caption = m.group(2).strip();
        } else {
            image = inner.strip();
            caption = "";
        }
        if (caption.isEmpty()) {
            var a = CAPTION_ATTRIBUTE.matcher(attributes);
            if (a.find()) caption = a.group(1);
        }
        return "<figure>" + image + (caption.isEmpty() ? "" : "<figcaption>" + caption + "</figcaption>") + "</figure>";
    }
}
