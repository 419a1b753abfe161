package kiji.personnel;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reading a rank and the name after it at the end of a person line, in every way lists print ranks:
 * 陸将, 海将補, 1等陸佐, 1陸佐, 一等陸佐, 2佐, 3尉, 准陸尉, 陸曹長, 事務官, 防衛技官 … — or, for the
 * ministry's civilians, no rank at all.
 */
final class Rank {
    private static final String KANA_KANJI = "[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}々〆ヵヶー]";
    private static final Pattern RANK = Pattern.compile(
            "(?:防衛)?(?:事務官|技官|教官)|[陸海空]将補?|([1-3一二三])等?([陸海空])?([佐尉曹])|准([陸海空])?尉|[陸海空]曹長|[陸海空]士長");
    private static final Pattern NAME = Pattern.compile(KANA_KANJI + "{1,10}(?: " + KANA_KANJI + "{1,10})?");
    private static final Pattern NAME_WORD = Pattern.compile(KANA_KANJI + "{2,10}");
    private static final Pattern NAME_PART = Pattern.compile(KANA_KANJI + "{1,5}");
    /** How posts end (審議官, 課長, 総監, …) and family names do not: 大臣官房 審議官 is no name. */
    private static final Pattern POST_END = Pattern.compile("[官長監課局室所隊付員]$");

    /** A person line cut in two: the post part before the rank, the rank as the site writes it, and the name. */
    record Split(String before, String rank, String name) {}

    private Rank() {}

    /**
     * The last rank in the line that is followed by nothing but a name, so a post that happens to hold
     * a rank-like string does not cut the line short. The line is already NFKC, single-spaced.
     */
    static Optional<Split> split(String line, Service service) {
        var m = RANK.matcher(line);
        Split found = null;
        while (m.find()) {
            var after = line.substring(m.end()).strip();
            if (NAME.matcher(after).matches()) {
                found = new Split(line.substring(0, m.start()).strip(), canonical(m, service), after);
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * A person line of {@code service}: {@link #split} when the line has a rank; for the ministry's
     * civilians, whose lists often leave 事務官 or 技官 out, also a line of post and name alone
     * ({@code 大臣官房審議官 山田 花子}), whose rank is then empty.
     */
    static Optional<Split> person(String line, Service service) {
        var ranked = split(line, service);
        if (ranked.isPresent() || service != Service.MOD) return ranked;
        return withoutRank(line);
    }

    /**
     * The name is the last word ({@code 山田花子}), or the last two when the list spaced family and given
     * name apart ({@code 山田 花子}): two short words, after a post (not after 兼), the first not ending
     * as posts do.
     */
    private static Optional<Split> withoutRank(String line) {
        var words = line.split(" ");
        int n = words.length;
        if (n >= 3 && NAME_PART.matcher(words[n - 2]).matches() && NAME_PART.matcher(words[n - 1]).matches()
                && !POST_END.matcher(words[n - 2]).find() && !joins(words[n - 2]) && !joins(words[n - 3])) {
            return Optional.of(new Split(String.join(" ", java.util.Arrays.copyOf(words, n - 2)), "",
                    words[n - 2] + " " + words[n - 1]));
        }
        if (n >= 2 && NAME_WORD.matcher(words[n - 1]).matches() && !joins(words[n - 2])) {
            return Optional.of(new Split(String.join(" ", java.util.Arrays.copyOf(words, n - 1)), "", words[n - 1]));
        }
        return Optional.empty();
    }

    /** 兼 and 併任 join a concurrent post: what follows them is a post, not a name. */
    private static boolean joins(String word) {
        return word.equals("兼") || word.equals("併任");
    }

    /** A rank written alone (a table's 階級 column), canonical, or empty when it is not a rank. */
    static Optional<String> read(String text, Service service) {
        var m = RANK.matcher(text.replace(" ", ""));
        return m.matches() ? Optional.of(canonical(m, service)) : Optional.empty();
    }

    /** 1陸佐, 一等陸佐 and (in the GSDF) 1佐 all read 1等陸佐; other ranks stay as written. */
    private static String canonical(java.util.regex.Matcher m, Service service) {
        if (m.group(1) == null) return m.group();
        var digit = switch (m.group(1)) {
            case "一" -> "1";
            case "二" -> "2";
            case "三" -> "3";
            default -> m.group(1);
        };
        var letter = m.group(2) != null ? m.group(2) : service.rankLetter();
        return letter.isEmpty() ? digit + m.group(3) : digit + "等" + letter + m.group(3);
    }
}
