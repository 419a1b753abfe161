package kiji.search;

/** The index cannot answer yet (it is still opening) or at all (it failed to open); the routes answer 503. */
public final class SearchUnavailableException extends RuntimeException {
    private final boolean starting;

    SearchUnavailableException(boolean starting, String message) {
        super(message);
        this.starting = starting;
    }

    /** True while the index is still opening: a retry in a few seconds will likely succeed. */
    public boolean starting() {
        return starting;
    }
}
