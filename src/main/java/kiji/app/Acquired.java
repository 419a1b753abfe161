package kiji.app;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a start has taken so far (a lock, threads, a pool): when a later step fails, each is let go
 * in the reverse order of acquisition, so a failed start holds nothing.
 */
final class Acquired {
    /** Something to let go of; unlike {@link AutoCloseable}, it throws no checked exception. */
    @FunctionalInterface
    interface Release {
        void release();
    }

    private final Deque<Release> taken = new ArrayDeque<>();

    /** Remembers {@code release} for {@link #releaseAfter}, and gives back {@code value}. */
    <T> T add(T value, Release release) {
        taken.push(release);
        return value;
    }

    /**
     * Lets go of everything, last taken first; a release that fails too is added to {@code failure}
     * as suppressed, and the others still run.
     */
    void releaseAfter(Throwable failure) {
        while (!taken.isEmpty()) {
            try {
                taken.pop().release();
            } catch (RuntimeException | Error e) {
                failure.addSuppressed(e);
            }
        }
    }
}
