package kiji.ranking;

import java.time.Clock;
import java.util.Optional;

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

    ViewCounting(ArticleLookup articles, VisitorId.Deriver visitors, ViewRecorder recorder, Clock clock) {
        this.articles = articles;
        this.visitors = visitors;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** Counts one view of {@code articleId} now; empty when there is no such article. */
    public Optional<Result> count(long articleId, Reader reader) {
        var article = articles.find(articleId);
        if (article.isEmpty()) return Optional.empty();
        var now = clock.instant();
        if (!article.get().isPublicAt(now)) return Optional.of(Result.NOT_PUBLIC);
        if (reader.editor()) return Optional.of(Result.EDITOR);
        var visitor = visitors.of(reader.ip(), reader.userAgent(), now);
        return Optional.of(switch (recorder.record(articleId, visitor, reader.userAgent(), now)) {
            case COUNTED -> Result.COUNTED;
            case BOT -> Result.BOT;
            case REPEAT -> Result.REPEAT;
        });
    }
}
