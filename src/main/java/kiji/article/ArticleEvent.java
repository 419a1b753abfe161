package kiji.article;

import java.util.Optional;

/**
 * Something happened to an article. Search, caches and webhooks listen; {@code article} is the
 * state after the change (empty after a delete).
 */
public record ArticleEvent(Type type, long id, Optional<Article> article) {
    public enum Type {
        CREATED,
        UPDATED,
        DELETED
    }

    /** Listeners run after the change is committed; one failing does not stop the others. */
    @FunctionalInterface
    public interface Listener {
        void on(ArticleEvent event);
    }
}
