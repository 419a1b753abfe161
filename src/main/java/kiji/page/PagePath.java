package kiji.page;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import kiji.article.Permalinks;
import kiji.site.Paths;

/**
 * Where fixed pages may live: {@code /about/}, {@code /company/privacy/} or {@code /会社概要/} —
 * one or more segments of letters, digits, {@code -}, {@code _} and {@code .}, and a trailing
 * slash — but never where the site serves something itself (its listings, feeds, sitemaps, API,
 * assets, newsroom, search) or where articles live (the permalink's first segment): a page there
 * would hide those answers, or they the page.
 */
public final class PagePath {
    public static final int MAX_LENGTH = 200;
    /** The site's own paths; a page path may not start with any of them (compared in lower case). */
    static final List<String> RESERVED = List.of("/category/", "/tag/", "/author/", "/api/", "/static/", "/assets/",
            "/media/", "/search", "/feed", "/atom", "/sitemap", "/robots.txt", "/newsroom", "/admin", "/jinji/",
            "/favicon", "/.well-known/");
    private static final Pattern SEGMENT = Pattern.compile("[\\p{L}\\p{N}_.-]+");

    private final String articlePrefix;

    public PagePath(Permalinks permalinks) {
        // /docs/{section}/{id6}.html → /docs/ (Permalinks insists on a fixed first segment)
        var prefix = permalinks.prefix();
        int slash = prefix.indexOf('/', 1);
        this.articlePrefix = (slash < 0 ? prefix : prefix.substring(0, slash + 1)).toLowerCase(Locale.ROOT);
    }

    /**
     * The path as stored: stripped, percent-escapes decoded (an imported link such as
     * {@code /%e4%bc%9a%e7%a4%be/} is {@code /会社/}; no allowed character is written with a
     * {@code %}, so decoding is unambiguous), NFC, with the trailing slash added when it was left off.
     */
    public static String normalize(String path) {
        var stripped = path.strip();
        if (stripped.contains("%")) stripped = decode(stripped).orElse(stripped);
        var p = Normalizer.normalize(stripped, Normalizer.Form.NFC);
        return p.endsWith("/") ? p : p + "/";
    }

    /** Why {@code path} (normalized) cannot be a page's path, or empty when it can. */
    public Optional<String> problem(String path) {
        if (path == null || path.isBlank()) return Optional.of("required, e.g. /about/");
        if (path.length() > MAX_LENGTH) return Optional.of("at most " + MAX_LENGTH + " characters");
        if (!path.startsWith("/") || path.equals("/")) return Optional.of("must start with / and name a page, e.g. /about/");
        var inner = path.substring(1, path.length() - 1);
        for (var segment : inner.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                return Optional.of("segments are letters, digits, '-', '_' and '.', one '/' between them");
            }
        }
        if (reserved(path)) return Optional.of("taken by the site's own pages (" + takenBy(path) + ")");
        return Optional.empty();
    }

    /**
     * Whether a request path (as sent, percent-encoded) could be a page's: for the render cache,
     * which must keep fixed pages and nothing else under this rule, without reading the database.
     */
    public boolean couldBe(String requestPath) {
        return requestPath.length() > 1 && requestPath.length() <= 3 * MAX_LENGTH && requestPath.startsWith("/")
                && requestPath.endsWith("/") && !requestPath.contains("//") && !reserved(requestPath);
    }

    /** A request path decoded ({@code %E4%BC%9A} → 会, {@code +} kept), or empty when malformed. */
    public static Optional<String> decode(String requestPath) {
        try {
            return Optional.of(URLDecoder.decode(requestPath.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A stored path as a link: each segment percent-encoded, the slashes kept. */
    public static String url(String path) {
        var out = new StringBuilder("/");
        for (var segment : path.substring(1, path.length() - 1).split("/")) out.append(Paths.segment(segment)).append('/');
        return out.toString();
    }

    private boolean reserved(String path) {
        return !takenBy(path).isEmpty();
    }

    private String takenBy(String path) {
        var lower = path.toLowerCase(Locale.ROOT);
        for (var r : RESERVED) if (lower.startsWith(r)) return r;
        if (lower.startsWith(articlePrefix)) return articlePrefix;
        return "";
    }
}
