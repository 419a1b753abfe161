package kiji.search;

/** What a row of the change feed ({@code search_change.subject}) says changed. */
public enum ChangeSubject {
    /** An article: its id is reloaded into every node's index, and caches forget it. */
    ARTICLE("article"),
    /** A fixed page (created, edited, moved, published, unpublished, deleted): caches forget it. */
    PAGE("page");

    private final String key;

    ChangeSubject(String key) {
        this.key = key;
    }

    /** The value stored in the column. */
    public String key() {
        return key;
    }

    /** The subject stored as {@code key}; an unknown one (a newer release's) counts as an article. */
    static ChangeSubject of(String key) {
        return PAGE.key.equals(key) ? PAGE : ARTICLE;
    }
}
