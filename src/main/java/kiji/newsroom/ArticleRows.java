package kiji.newsroom;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiji.article.Article;
import kiji.article.Category;
import kiji.article.Status;
import kiji.article.TokyoTime;

/** View models of the article list and the editor, ready for the templates. */
public final class ArticleRows {
    private ArticleRows() {}

    /** One line of the article list. */
    public record Row(long id, String title, String state, String stateLabel, String category, String authors,
                      String when, long views24h, boolean canEdit, boolean canSeeAnalytics) {}

    /** The list page: rows, paging, and the filter as entered. */
    public record Listing(List<Row> rows, int page, int pageCount, long total, String state, String category,
                          String author, String query, List<Category> categories) {
        /** The query string for another page with the same filter. */
        public String pageLink(int n) {
            return "?page=" + n + "&state=" + enc(state) + "&category=" + enc(category) + "&author=" + enc(author)
                    + "&q=" + enc(query);
        }
    }

    /**
     * The editor page. {@code id} is empty for a new article; {@code photos} are the choices for
     * the featured photo (the latest uploads, and the chosen one even when it is older).
     */
    public record Editor(Optional<Long> id, ArticleForm form, Map<String, String> errors, List<Category> categories,
                         String permalink, boolean canPublish, String state, String stateLabel, boolean trashed,
                         List<Photo> photos) {
        public String action() {
            return id.map(i -> "/newsroom/articles/" + i).orElse("/newsroom/articles");
        }

        public boolean isFeatured(Photo p) {
            return String.valueOf(p.id()).equals(form.featuredPhoto().strip());
        }
    }

    /** A revision as the history shows it. */
    public record RevisionEntry(long id, String savedAt, String savedBy, String title, String status) {}

    /** Two revisions compared, older first. */
    public record Comparison(long articleId, RevisionEntry older, RevisionEntry newer, List<LineDiff.Line> lines) {}

    static String state(Article a, ArticleDesk.Facts facts) {
        if (facts.trashed()) return "trash";
        if (a.status() == Status.DRAFT && facts.reviewRequestedAt().isPresent()) return "review";
        return a.status().key();
    }

    public static String label(String state) {
        return switch (state) {
            case "draft" -> "下書き";
            case "review" -> "レビュー待ち";
            case "scheduled" -> "予約";
            case "published" -> "公開中";
            case "trash" -> "ゴミ箱";
            default -> "すべて";
        };
    }

    static Row row(Article a, ArticleDesk.Facts facts, long views, boolean canEdit, boolean canSeeAnalytics) {
        var when = a.publishedAt().map(TokyoTime::stamp).orElse("更新 " + TokyoTime.stamp(a.updatedAt()));
        var state = state(a, facts);
        return new Row(a.id(), a.title(), state, label(state), a.category().name(), String.join("、", a.authors()),
                when, views, canEdit, canSeeAnalytics);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
