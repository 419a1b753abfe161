package kiji.page;

import java.time.Clock;
import java.util.List;

/**
 * The published pages, read once and kept: the footer of every public page lists them, and a
 * page render must not cost one more query. This node's edits drop the copy at once; another
 * node's show within {@link #TTL_MILLIS}, as their articles do in the render cache.
 */
final class PublishedPages {
    static final long TTL_MILLIS = 10_000;

    private record Copy(List<FixedPage> pages, long loadedMillis) {}

    private final FixedPageStore store;
    private final Clock clock;
    private volatile Copy copy;

    PublishedPages(FixedPageStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    List<FixedPage> get() {
        var c = copy;
        long now = clock.millis();
        if (c != null && now - c.loadedMillis() < TTL_MILLIS && now >= c.loadedMillis()) return c.pages();
        var pages = List.copyOf(store.published());
        copy = new Copy(pages, now);
        return pages;
    }

    void forget() {
        copy = null;
    }
}
