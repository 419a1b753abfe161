package kiji.article;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Article URLs from a pattern. The default, {@code /docs/{section}/{id6}.html}, is the scheme
 * of the site Kiji replaces (article 1922 in section mod is {@code /docs/mod/001922.html}), so
 * old links keep working. Placeholders: {section}, {category}, {id}, {id6} (zero-padded to six).
 *
 * <p>Parsing is loose on purpose: any path of the pattern's shape that names an id resolves to
 * that article, and the caller answers 301 when it is not the canonical form.
 */
public final class Permalinks {
    public static final String DEFAULT_PATTERN = "/docs/{section}/{id6}.html";
    // Paths other features serve: an article pattern starting there would hide them, or them it.
    private static final List<String> TAKEN =
            List.of("/api/", "/static/", "/assets/", "/category/", "/tag/", "/author/", "/search", "/feed", "/sitemap",
                    "/admin", "/newsroom", "/robots.txt", "/atom", "/jinji/");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(section|category|id|id6)}");

    private final String pattern;
    private final Pattern loose;

    public Permalinks(String pattern) {
        this.pattern = validate(pattern);
        this.loose = Pattern.compile(toRegex(pattern));
    }

    public String pattern() {
        return pattern;
    }

    public String of(Article article) {
        return of(article.id(), article.category());
    }

    public String of(long id, Category category) {
        return PLACEHOLDER.matcher(pattern).replaceAll(m -> Matcher.quoteReplacement(switch (m.group(1)) {
            case "section" -> category.section();
            case "category" -> category.slug();
            case "id" -> Long.toString(id);
            default -> String.format(Locale.ROOT, "%06d", id);
        }));
    }

    /** The article id a request path names, if it has the pattern's shape. */
    public Optional<Long> idOf(String path) {
        if (path == null || path.length() > 300) return Optional.empty();
        var m = loose.matcher(path);
        if (!m.matches()) return Optional.empty();
        var digits = m.group("id");
        if (digits.length() > 12) return Optional.empty();
        long id = Long.parseLong(digits);
        return id > 0 ? Optional.of(id) : Optional.empty();
    }

    /** The fixed part before the first placeholder, for routing: {@code /docs/}. */
    public String prefix() {
        int i = pattern.indexOf('{');
        return pattern.substring(0, i);
    }

    private static String toRegex(String pattern) {
        var out = new StringBuilder();
        var m = PLACEHOLDER.matcher(pattern);
        int last = 0;
        while (m.find()) {
            out.append(Pattern.quote(pattern.substring(last, m.start())));
            out.append(switch (m.group(1)) {
                case "id", "id6" -> "(?<id>[0-9]+)";
                default -> "[A-Za-z0-9_-]+";
            });
            last = m.end();
        }
        out.append(Pattern.quote(pattern.substring(last)));
        return out.toString();
    }

    private static String validate(String pattern) {
        if (pattern == null || !pattern.startsWith("/")) {
            throw new IllegalArgumentException("permalink pattern must start with '/': " + pattern);
        }
        var m = PLACEHOLDER.matcher(pattern);
        int ids = 0;
        while (m.find()) if (m.group(1).startsWith("id")) ids++;
        if (ids != 1) throw new IllegalArgumentException("permalink pattern needs exactly one {id} or {id6}: " + pattern);
        if (pattern.replaceAll(PLACEHOLDER.pattern(), "").contains("{")) {
            throw new IllegalArgumentException("unknown placeholder in permalink pattern " + pattern
                    + " (known: {section}, {category}, {id}, {id6})");
        }
        if (pattern.indexOf('{') == 1 && pattern.length() > 1) {
            // a pattern starting with a placeholder would swallow every other page
            throw new IllegalArgumentException("permalink pattern needs a fixed first segment such as /docs/: " + pattern);
        }
        var prefix = pattern.substring(0, pattern.indexOf('{'));
        for (var taken : TAKEN) {
            if (taken.startsWith(prefix) || prefix.startsWith(taken)) {
                throw new IllegalArgumentException("permalink pattern " + pattern + " overlaps the site's own " + taken
                        + " pages; start it with another segment such as /docs/");
            }
        }
        return pattern;
    }
}
