package kiji.importer;

import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a Movable Type entry lived on the old site, e.g. {@code /blog/{yyyy}/{mm}/{basename}.html}
 * or はてなブログ's {@code /entry/{yyyy}/{mm}/{dd}/{hh}{mi}{ss}}. Times are in the import's zone.
 */
public record OldUrlPattern(String pattern) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");
    private static final java.util.Set<String> KNOWN =
            java.util.Set.of("yyyy", "mm", "dd", "hh", "mi", "ss", "id", "basename");

    /** @throws IllegalArgumentException naming what is wrong with the pattern */
    public OldUrlPattern {
        if (pattern == null || !pattern.startsWith("/")) {
            throw new IllegalArgumentException("must start with '/', e.g. /blog/{yyyy}/{mm}/{basename}.html");
        }
        var m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            if (!KNOWN.contains(m.group(1))) {
                throw new IllegalArgumentException("unknown placeholder {" + m.group(1)
                        + "} (known: {yyyy} {mm} {dd} {hh} {mi} {ss} {id} {basename})");
            }
        }
    }

    String expand(ZonedDateTime at, String id, String basename) {
        var path = PLACEHOLDER.matcher(pattern).replaceAll(m -> Matcher.quoteReplacement(switch (m.group(1)) {
            case "yyyy" -> String.format(Locale.ROOT, "%04d", at.getYear());
            case "mm" -> two(at.getMonthValue());
            case "dd" -> two(at.getDayOfMonth());
            case "hh" -> two(at.getHour());
            case "mi" -> two(at.getMinute());
            case "ss" -> two(at.getSecond());
            case "id" -> id;
            default -> basename;
        }));
        return OldPaths.normalize(path);
    }

    private static String two(int n) {
        return String.format(Locale.ROOT, "%02d", n);
    }
}
