package kiji.article;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The article events of a transaction still open on this thread, told only once it committed: a
 * listener (the search index, the caches, the webhooks' queue) must never hold an article that a
 * rollback took back.
 */
final class HeldEvents {
    private final ThreadLocal<List<ArticleEvent>> open = new ThreadLocal<>();

    /** True when the event was kept for the end of the open transaction. */
    boolean hold(ArticleEvent event) {
        var held = open.get();
        if (held == null) return false;
        held.add(event);
        return true;
    }

    /** Runs {@code work}; the events it caused go to {@code tell} after it returned, none when it threw. */
    <T> T around(Supplier<T> work, Consumer<ArticleEvent> tell) {
        if (open.get() != null) return work.get(); // inside another: that one tells
        var held = new ArrayList<ArticleEvent>();
        open.set(held);
        T result;
        try {
            result = work.get();
        } finally {
            open.remove();
        }
        held.forEach(tell);
        return result;
    }
}
