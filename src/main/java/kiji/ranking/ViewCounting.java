package kiji.ranking;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import kiji.article.Article;

/**
 * The counting rules for a live view: the article must exist (else empty, answered 404) and be
 * public; editors are not readers; then bot, repeat and bucket in {@link ViewRecorder}.
 */
public final class ViewCounting {
    /** Why a view was or was not counted. */
    public enum Result {
        COUNTED,
        BOT,
        REPEAT,
        NOT_PUBLIC,
        EDITOR
    }

    private final ArticleLookup articles;
    private final VisitorId.Deriver visitors;
    private final ViewRecorder recorder;
    private final Clock clock;
    private final java.util.EnumMap<Result, java.util.concurrent.atomic.LongAdder> tally =
            new java.util.EnumMap<>(Result.class);

    ViewCounting(ArticleLookup articles, VisitorId.Deriver visitors, ViewRecorder recorder, Clock clock) {
        this.articles = articles;
        this.visitors = visitors;
        this.recorder = recorder;
        this.clock = clock;
        for (var r : Result.values()) tally.put(r, new java.util.concurrent.atomic.LongAdder());
    }

    /** How many beacons (and counted renders) came to {@code result} since start, for metrics. */
    public long total(Result result) {
        return tally.get(result).sum();
    }

    /** What {@link #countWithoutWaiting} came to. */
    enum Attempt {
        /** The rules ran: counted, or not for a reason the reader is not told. */
        DONE,
        /** No such article. */
        UNKNOWN_ARTICLE,
        /** Nothing done: the rules need the database (article not cached, day's salt not loaded); call {@link #count}. */
        WOULD_WAIT
    }

    /** Counts one view of {@code articleId} now; empty when there is no such article. */
    public Optional<Result> count(long articleId, Reader reader) {
        var article = articles.find(articleId);
        if (article.isEmpty()) return Optional.empty();
        var now = clock.instant();
        var early = beforeRecording(article.get(), reader, now);
        if (early.isPresent()) return tallied(early);
        return tallied(Optional.of(record(articleId, visitors.of(reader.ip(), reader.userAgent(), now), reader, now)));
    }

    private Optional<Result> tallied(Optional<Result> result) {
        result.ifPresent(r -> tally.get(r).increment());
        return result;
    }

    /**
     * {@link #count} from memory only: never reads the database, so it may run on a thread that
     * must not block (Jetty's selector, for the beacon). The same rules in the same order.
     */
    Attempt countWithoutWaiting(long articleId, Reader reader) {
        var cached = articles.cached(articleId);
        if (cached.isEmpty()) return Attempt.WOULD_WAIT;
        var article = cached.get().article();
        if (article.isEmpty()) return Attempt.UNKNOWN_ARTICLE;
        var now = clock.instant();
        var early = beforeRecording(article.get(), reader, now);
        if (early.isPresent()) {
            tallied(early);
            return Attempt.DONE;
        }
        var visitor = visitors.ofLoaded(reader.ip(), reader.userAgent(), now);
        if (visitor.isEmpty()) return Attempt.WOULD_WAIT;
        tallied(Optional.of(record(articleId, visitor.get(), reader, now)));
        return Attempt.DONE;
    }

    /** Why a view stops before the record path, if it does. */
    private static Optional<Result> beforeRecording(Article article, Reader reader, Instant now) {
        if (!article.isPublicAt(now)) return Optional.of(Result.NOT_PUBLIC);
        if (reader.editor()) return Optional.of(Result.EDITOR);
        return Optional.empty();
    }

    private Result record(long articleId, VisitorId visitor, Reader reader, Instant now) {
        return switch (recorder.record(articleId, visitor, reader.userAgent(), now)) {
            case COUNTED -> Result.COUNTED;
            case BOT -> Result.BOT;
            case REPEAT -> Result.REPEAT;
        };
    }
}
