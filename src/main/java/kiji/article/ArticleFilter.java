package kiji.article;

import java.util.Optional;

/** Which articles a listing shows. Empty fields do not filter. */
public record ArticleFilter(
        Optional<String> category, Optional<String> tag, Optional<String> author, Optional<Status> status) {

    public static ArticleFilter all() {
        return new ArticleFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static ArticleFilter category(String slug) {
        return new ArticleFilter(Optional.of(slug), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static ArticleFilter tag(String name) {
        return new ArticleFilter(Optional.empty(), Optional.of(name), Optional.empty(), Optional.empty());
    }

    public static ArticleFilter author(String name) {
        return new ArticleFilter(Optional.empty(), Optional.empty(), Optional.of(name), Optional.empty());
    }
}
