package kiji.ranking;

import java.util.function.Supplier;

/**
 * The standard {@link BotFilter}, built at its first use or by {@link #get()} on a thread of the
 * caller's choosing. A server builds it a second after it starts listening: reading the crawler
 * list is Jackson's first JSON parse, whose classes (and {@code BigDecimal}'s tables) cost ~70 ms
 * of CPU that the first page does not need (docs/benchmarks.md, start-up, session 7). A view that
 * comes before then builds it on its own thread; the others wait for it.
 */
final class DeferredBotFilter implements Supplier<BotFilter> {
    private volatile BotFilter filter;

    @Override
    public BotFilter get() {
        var built = filter;
        if (built != null) return built;
        synchronized (this) {
            if (filter == null) filter = BotFilter.standard();
            return filter;
        }
    }
}
