package kiji.site;

import kiji.article.Page;

/** A paginated list of articles under a heading (home, category, tag, author). */
public record ListingView(String heading, String basePath, Page<ArticleView> page) {
    public String pageUrl(int number) {
        return number == 1 ? basePath : basePath + "?page=" + number;
    }
}
