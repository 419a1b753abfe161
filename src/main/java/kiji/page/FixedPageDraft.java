package kiji.page;

/**
 * A fixed page as a writer sends it: for {@link FixedPageService#create}, {@link
 * FixedPageService#update} and {@link FixedPageService#upsert}. Any part may be null (reported as
 * a field error); {@code path} may lack its trailing slash, which is added.
 */
public record FixedPageDraft(String path, String title, PageFormat format, String body, PageStatus status) {

    /** A page written in Markdown. */
    public static FixedPageDraft markdown(String path, String title, String markdown, PageStatus status) {
        return new FixedPageDraft(path, title, PageFormat.MARKDOWN, markdown, status);
    }

    /** A page whose body is HTML (an import): sanitized like every body before it is stored. */
    public static FixedPageDraft html(String path, String title, String html, PageStatus status) {
        return new FixedPageDraft(path, title, PageFormat.HTML, html, status);
    }
}
