package kiji.importer;

/**
 * Where WXR {@code page} items go: the fixed pages (固定ページ) feature's upsert keyed by path.
 * The importer knows nothing else of that feature; the CLI wires the real one.
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
}
