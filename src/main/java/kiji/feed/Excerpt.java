package kiji.feed;

import java.util.regex.Pattern;
import kiji.article.Article;

/** A short plain-text description of an article: its lead, or the start of its body. */
final class Excerpt {
    static final int MAX = 120;
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private Excerpt() {}

    static String of(Article article) {
        if (!article.lead().isBlank()) return article.lead().strip();
        var text = SPACE.matcher(unescape(TAG.matcher(article.bodyHtml()).replaceAll(" "))).replaceAll(" ").strip();
        return text.codePointCount(0, text.length()) <= MAX
                ? text
                : text.substring(0, text.offsetByCodePoints(0, MAX)) + "…";
    }

    // The body HTML comes from the sanitizer, which writes only these entities for text.
    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#34;", "\"")
                .replace("&#39;", "'").replace("&#43;", "+").replace("&#61;", "=").replace("&#64;", "@")
                .replace("&#96;", "`").replace("&amp;", "&");
    }
}
