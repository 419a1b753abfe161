package kiji.search;

import gg.jte.Content;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import kiji.article.Category;
import kiji.article.Permalinks;
import kiji.article.TokyoTime;

/** What the search page shows: the form as the reader filled it, and a page of results. */
public record SearchPageView(
        String query, Optional<String> category, String from, String to, String sort, List<Category> categories,
        Optional<SearchResults> results, List<HitView> hits) {

    /** A hit as the page shows it; the snippet is HTML built from escaped text (see {@link MarkedSnippet}). */
    public record HitView(String title, String titleHtml, String url, String stamp, String isoTime,
                          String categoryName, String snippetHtml) {
        /** The title with its matches in {@code <mark>}, built from escaped text. */
        public Content markedTitle() {
            return output -> output.writeContent(titleHtml);
        }

        public Content snippet() {
            return output -> output.writeContent(snippetHtml);
        }
    }

    static SearchPageView of(SearchRequest r, List<Category> categories, Optional<SearchResults> results,
                             Permalinks permalinks) {
        var hits = results.map(rs -> rs.items().stream().map(h -> new HitView(h.title(), h.titleHtml(),
                permalinks.of(h.articleId(), h.category()), TokyoTime.stamp(h.publishedAt()),
                TokyoTime.iso(h.publishedAt()), h.category().name(), h.snippetHtml())).toList()).orElse(List.of());
        return new SearchPageView(r.text(), r.category(), r.from().map(Object::toString).orElse(""),
                r.to().map(Object::toString).orElse(""), r.order().name().toLowerCase(java.util.Locale.ROOT), categories,
                results, hits);
    }

    public boolean selected(Category c) {
        return category.filter(c.slug()::equals).isPresent();
    }

    public long total() {
        return results.map(SearchResults::total).orElse(0L);
    }

    /** The count as the page says it: 「12」, or 「1,000」 followed by 以上 when it is a floor. */
    public String totalText() {
        return String.format(java.util.Locale.ROOT, "%,d", total());
    }

    public boolean totalIsLowerBound() {
        return results.map(SearchResults::totalIsLowerBound).orElse(false);
    }

    /** This search at another page, every filter kept. */
    public String pageUrl(int page) {
        var url = new StringBuilder("/search?q=").append(enc(query));
        category.ifPresent(c -> url.append("&category=").append(enc(c)));
        if (!from.isEmpty()) url.append("&from=").append(from);
        if (!to.isEmpty()) url.append("&to=").append(to);
        if (!sort.equals("relevance")) url.append("&sort=").append(sort);
        if (page > 1) url.append("&page=").append(page);
        return url.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
