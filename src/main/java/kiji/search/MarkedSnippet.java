package kiji.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Builds snippet HTML from the highlighter's passages: every fragment of article text is
 * HTML-escaped here, and matches are wrapped in {@code <mark>}; nothing else is markup.
 */
final class MarkedSnippet extends PassageFormatter {
    static final String ELLIPSIS = "…";

    @Override
    public String format(Passage[] passages, String content) {
        var out = new StringBuilder();
        int previousEnd = -1;
        for (var p : passages) {
            if (p.getStartOffset() > 0 && p.getStartOffset() != previousEnd) ellipsis(out);
            int pos = p.getStartOffset();
            for (int i = 0; i < p.getNumMatches(); i++) {
                int start = Math.max(p.getMatchStarts()[i], pos);
                int end = Math.min(p.getMatchEnds()[i], p.getEndOffset());
                if (end <= start) continue;
                escape(content, pos, start, out);
                out.append("<mark>");
                escape(content, start, end, out);
                out.append("</mark>");
                pos = end;
            }
            escape(content, pos, p.getEndOffset(), out);
            previousEnd = p.getEndOffset();
        }
        if (previousEnd >= 0 && previousEnd < content.length()) ellipsis(out);
        return out.toString().strip();
    }

    /** "…" where text was left out, without the space a passage boundary leaves before it. */
    private static void ellipsis(StringBuilder out) {
        while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') out.setLength(out.length() - 1);
        out.append(ELLIPSIS);
    }

    static void escape(String s, int from, int to, StringBuilder out) {
        for (int i = from; i < to && i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\n', '\r', '\t' -> out.append(' ');
                default -> out.append(c);
            }
        }
    }

    static String escape(String s) {
        var out = new StringBuilder(s.length() + 16);
        escape(s, 0, s.length(), out);
        return out.toString();
    }
}
