package kiji.ranking;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * The record path of one view: bot check, repeat check, hour-bucket increment — all in memory,
 * no I/O; {@link ViewFlusher} writes the buckets. Thread-safe.
 */
public final class ViewRecorder {
    /** What became of a view. */
    public enum Outcome {
        COUNTED,
        BOT,
        REPEAT
    }

    private final Supplier<BotFilter> bots;
    private final RepeatGuard repeats;
    private final PendingViews pending;

    /** @param bots the filter, built when first asked for (see {@link DeferredBotFilter}) */
    ViewRecorder(Supplier<BotFilter> bots, RepeatGuard repeats, PendingViews pending) {
        this.bots = bots;
        this.repeats = repeats;
        this.pending = pending;
    }

    /** A recorder with its own buffers, for benchmarks; see {@link #pendingTotal()}. */
    public static ViewRecorder standalone(int maxRemembered) {
        var bots = BotFilter.standard();
        return new ViewRecorder(() -> bots, new RepeatGuard(maxRemembered), new PendingViews());
    }

    public Outcome record(long articleId, VisitorId visitor, String userAgent, Instant at) {
        return record(articleId, visitor.current(), visitor.previous(), userAgent, at.toEpochMilli());
    }

    public Outcome record(long articleId, long visitor, long previousVisitor, String userAgent, long epochMillis) {
        if (bots.get().isBot(userAgent)) return Outcome.BOT;
        if (!repeats.tryCount(articleId, visitor, previousVisitor, epochMillis)) return Outcome.REPEAT;
        pending.add(articleId, HourBucket.hourOf(epochMillis), 1);
        return Outcome.COUNTED;
    }

    /** Views counted here and not yet flushed. */
    public long pendingTotal() {
        return pending.total();
    }

    Supplier<BotFilter> bots() {
        return bots;
    }
}
