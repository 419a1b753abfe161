package kiji.site;

import io.javalin.http.Context;

/**
 * What a {@code GET} that matched no route may still be — a fixed page at an editor's path, an old
 * URL that moved — asked in turn before the site answers 404. Asked only where no route matched,
 * so a known path with another method stays a 405.
 */
@FunctionalInterface
public interface NotFoundAnswer {
    /** Answers {@code ctx} (status and body) and returns true, or leaves it untouched and returns false. */
    boolean answer(Context ctx);
}
