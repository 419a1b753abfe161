package kiji.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WordPress's {@code wpautop} for classic posts: blank lines separate paragraphs, a single line
 * break inside one becomes {@code <br />}, and block-level elements are never wrapped. The rules
 * (and the list of blocks) follow wp-includes/formatting.php, so posts read as WordPress showed them.
 */
final class WpAutop {
    private static final String BLOCKS = "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li"
            + "|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside"
            + "|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)";
    private static final Pattern PRE = Pattern.compile("(?is)<pre[\\s>].*?</pre>");
    private static final Pattern OPEN_BLOCK = Pattern.compile("(?i)(<" + BLOCKS + "[\\s/>])");
    private static final Pattern CLOSE_BLOCK = Pattern.compile("(?i)(</" + BLOCKS + ">)");
    private static final Pattern HR = Pattern.compile("(?i)(<hr\\s*?/?>)");
    private static final Pattern PARAGRAPHS = Pattern.compile("\\n\\s*\\n");
    private static final Pattern P_BEFORE_BLOCK = Pattern.compile("(?i)<p>\\s*(</?" + BLOCKS + "[^>]*>)");
    private static final Pattern P_AFTER_BLOCK = Pattern.compile("(?i)(</?" + BLOCKS + "[^>]*>)\\s*</p>");
    private static final Pattern EMPTY_P = Pattern.compile("<p>\\s*</p>");
    private static final Pattern BR_AFTER_BLOCK = Pattern.compile("(?i)(</?" + BLOCKS + "[^>]*>)\\s*<br />");
    private static final Pattern DOUBLE_BR = Pattern.compile("(?i)<br\\s*/?>\\s*<br\\s*/?>");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\n+");
    private static final Pattern LINE_BREAK = Pattern.compile("(?<!<br />)\\s*\\n(?!\\s*$)");
    private static final Pattern LAST_BREAK = Pattern.compile("\\n</p>$");
    private static final Pattern BR_BEFORE_BLOCK = Pattern.compile("(?i)<br />(\\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)");

    private WpAutop() {}

    static String apply(String text) {
        var s = text.replace("\r\n", "\n").replace('\r', '\n');
        if (s.isBlank()) return "";
        // <pre> keeps its line breaks: set aside, put back at the end
        List<String> pres = new ArrayList<>();
        s = replace(PRE, s, m -> {
            pres.add(m.group());
            return "<pre wp-pre-tag-" + (pres.size() - 1) + "></pre>";
        });
        s = s + "\n";
        if (s.indexOf('<') >= 0) s = DOUBLE_BR.matcher(s).replaceAll("\n\n");
        s = replace(OPEN_BLOCK, s, m -> "\n\n" + m.group(1));
        s = replace(CLOSE_BLOCK, s, m -> m.group(1) + "\n\n");
        s = replace(HR, s, m -> m.group(1) + "\n\n");
        s = BLANK_LINES.matcher(s).replaceAll("\n\n");
        var out = new StringBuilder();
        for (var part : PARAGRAPHS.split(s)) {
            var p = part.strip();
            if (!p.isEmpty()) out.append("<p>").append(p).append("</p>\n");
        }
        s = out.toString();
        s = EMPTY_P.matcher(s).replaceAll("");
        s = P_BEFORE_BLOCK.matcher(s).replaceAll("$1");
        s = P_AFTER_BLOCK.matcher(s).replaceAll("$1");
        // single line breaks inside a paragraph
        s = LINE_BREAK.matcher(s).replaceAll("<br />\n");
        s = BR_AFTER_BLOCK.matcher(s).replaceAll("$1");
        s = BR_BEFORE_BLOCK.matcher(s).replaceAll("$1");
        s = LAST_BREAK.matcher(s).replaceAll("</p>");
        for (int i = 0; i < pres.size(); i++) {
            s = s.replace("<pre wp-pre-tag-" + i + "></pre>", pres.get(i));
        }
        return s.strip();
    }

    private static String replace(Pattern p, String s, java.util.function.Function<java.util.regex.MatchResult, String> f) {
        return p.matcher(s).replaceAll(m -> Matcher.quoteReplacement(f.apply(m)));
    }
}
