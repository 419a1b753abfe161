package kiji.importer;

/**
 * Where WXR {@code page} items go: the fixed pages (固定ページ) feature's upsert keyed by path.
 * The importer knows nothing else of that feature; {@code kiji.app}/the CLI wire the real one.
 */
public interface PageSink {
    /**
     * A fixed page as the import found it.
     *
     * @param path where it is served, e.g. {@code /about/} (the old site's path when it had one)
     * @param html the body, converted as posts are, not yet sanitized
     * @param published false for drafts and private pages (kept, never shown)
     * @param sourceId the WordPress post id, for the import's own bookkeeping
     */
    record Page(String path, String title, String html, boolean published, String sourceId) {}

    /**
     * Creates the page at {@code page.path()}, or updates the one there; returns the path it is
     * served at (as a link: percent-encoded or not).
     *
     * @throws kiji.article.ValidationException when the page cannot be one (listed as skipped)
     */
    String upsert(Page page);

    /** False when no fixed-pages feature is wired: page items are then listed as skipped. */
    default boolean available() {
        return true;
    }

    /** No fixed pages: every page item is skipped, with that reason. */
    static PageSink none() {
        return new PageSink() {
            @Override
            public String upsert(Page page) {
                throw new UnsupportedOperationException("fixed pages are not available");
            }

            @Override
            public boolean available() {
                return false;
            }
        };
    }
}
