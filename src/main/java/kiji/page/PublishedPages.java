package kiji.page;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The published pages, read once and kept: the footer of every public page lists them, and a
 * page render must not cost one more query. This node's edits drop the copy at once, and so do
 * other nodes' when the change feed brings them ({@link FixedPageService#changedElsewhere});
 * {@link #TTL_MILLIS} bounds it should a change bypass the feed.
 */
final class PublishedPages {
    static final long TTL_MILLIS = 10_000;

    private record Copy(List<FixedPage> pages, long loadedMillis) {}

    private final FixedPageStore store;
    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();
    private volatile Copy copy;

    PublishedPages(FixedPageStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    List<FixedPage> get() {
        var c = copy;
        long now = clock.millis();
        if (c != null && now - c.loadedMillis() < TTL_MILLIS && now >= c.loadedMillis()) return c.pages();
        long seen = generation.get();
        var pages = List.copyOf(store.published());
        // a change while reading may not be in what was read: keep the copy only if none came
        if (generation.get() == seen) copy = new Copy(pages, now);
        return pages;
    }

    void forget() {
        generation.incrementAndGet();
        copy = null;
    }
}
