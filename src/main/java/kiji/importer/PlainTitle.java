package kiji.importer;

import java.util.regex.Pattern;
import org.owasp.html.Encoding;

/**
 * Titles and leads as plain text: WordPress keeps markup and entities in them
 * ({@code <em>速報</em> 日米&amp;豪}); Kiji's titles are text, escaped when shown.
 */
final class PlainTitle {
    static final String UNTITLED = "(無題)";
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    // Japanese runs on without spaces: an inline tag (<em>速報</em>です) leaves nothing, a block
    // or a line break leaves a space between what it separated
    private static final Pattern BREAKING_TAG = Pattern.compile(
            "(?i)<(?:br|/?(?:p|div|li|ul|ol|h[1-6]|tr|td|th|figure|figcaption|blockquote|pre|table|hr))(?:\\s[^>]*)?/?>");
    private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0\\u3000]+");
    private static final int FIRST_WORDS = 30;

    private PlainTitle() {}

    /** Tags stripped, entities decoded, white space collapsed. */
    static String text(String html) {
        var noTags = TAG.matcher(BREAKING_TAG.matcher(html).replaceAll(" ")).replaceAll("");
        // decoded after stripping, so an escaped "&lt;b&gt;" stays visible text
        var decoded = Encoding.decodeHtml(noTags, false);
        return SPACE.matcher(decoded).replaceAll(" ").strip();
    }

    /** The title, or the body's first words, or 「(無題)」: a post is never dropped for lacking one. */
    static String of(String title, String bodyHtml) {
        var t = text(title);
        if (!t.isEmpty()) return t;
        // the first words a reader sees: no comments, shortcodes or bare URLs (embeds)
        var words = text(bodyHtml.replaceAll("(?s)<!--.*?-->", "").replaceAll("\\[[^\\]]*\\]", ""))
                .replaceAll("https?://\\S+", "").strip();
        if (words.isEmpty()) return UNTITLED;
        if (words.codePointCount(0, words.length()) <= FIRST_WORDS) return words;
        return words.substring(0, words.offsetByCodePoints(0, FIRST_WORDS)) + "…";
    }
}
