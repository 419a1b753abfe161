package kiji.page;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import kiji.article.MarkdownRenderer;
import kiji.article.ValidationException;

/**
 * The rules for fixed pages: a path where the site serves nothing of its own, a title, a body
 * rendered and sanitized as articles' are, a status. Every change tells the listeners (the render
 * cache empties itself: a page's footer link is on every public page).
 */
public final class FixedPageService {
    static final int MAX_TITLE = 300;
    static final int MAX_BODY = 200_000;

    private final FixedPageStore store;
    private final PagePath paths;
    private final MarkdownRenderer markdown;
    private final Clock clock;
    private final PublishedPages published;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public FixedPageService(FixedPageStore store, PagePath paths, MarkdownRenderer markdown, Clock clock) {
        this.store = store;
        this.paths = paths;
        this.markdown = markdown;
        this.clock = clock;
        this.published = new PublishedPages(store, clock);
    }

    /** {@code listener} runs after every change to a page (create, update, status, delete). */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * Page {@code id} was changed through another node sharing the database (the change feed saw
     * it): the published list is read again and the listeners run, as for this node's own change.
     */
    public void changedElsewhere(long id) {
        fire();
    }

    /** @throws kiji.article.ConflictException when a page already lives at the path */
    public FixedPage create(FixedPageDraft draft) {
        return changed(store.insert(prepare(draft), clock.instant()));
    }

    /** Replaces page {@code id}; empty when there is no such page. */
    public Optional<FixedPage> update(long id, FixedPageDraft draft) {
        var updated = store.update(id, prepare(draft), clock.instant());
        updated.ifPresent(this::changed);
        return updated;
    }

    /**
     * Creates the page at the draft's path, or replaces the title, body and status of the page
     * already there (its id and creation time stay): what an import calls, so importing the same
     * file twice leaves one page per path. Inside a caller's Jdbi transaction on the same thread
     * it joins that transaction (Jdbi hands nested calls the same handle).
     *
     * @throws ValidationException with field messages when the draft cannot be a page
     */
    public FixedPage upsert(FixedPageDraft draft) {
        return changed(store.upsert(prepare(draft), clock.instant()));
    }

    public Optional<FixedPage> setStatus(long id, PageStatus status) {
        var changed = store.setStatus(id, status, clock.instant());
        changed.ifPresent(this::changed);
        return changed;
    }

    public boolean delete(long id) {
        boolean deleted = store.delete(id);
        if (deleted) fire();
        return deleted;
    }

    public Optional<FixedPage> find(long id) {
        return store.find(id);
    }

    public List<FixedPage> all() {
        return store.all();
    }

    /** The page readers get at {@code path} (a stored path, decoded): published ones only. */
    public Optional<FixedPage> findPublished(String path) {
        return store.findByPath(path).filter(FixedPage::isPublished);
    }

    /** The published pages, oldest first, as the footer and the sitemap list them (kept a few seconds). */
    public List<FixedPage> published() {
        return published.get();
    }

    /** Renders a body exactly as a saved page would be (for previews). */
    public String render(PageFormat format, String body) {
        return format == PageFormat.HTML ? MarkdownRenderer.sanitize(body) : markdown.render(body);
    }

    /** What is wrong with {@code d}, field by field (English, as the admin API answers); empty when nothing. */
    public Map<String, String> problems(FixedPageDraft d) {
        Map<String, String> errors = new LinkedHashMap<>();
        var path = d.path() == null ? null : PagePath.normalize(d.path());
        paths.problem(path).ifPresent(p -> errors.put("path", p));
        var title = d.title() == null ? "" : d.title().strip();
        if (title.isEmpty()) errors.put("title", "required");
        else if (title.contains("\n") || title.contains("\r")) errors.put("title", "one line, without line breaks");
        else if (title.length() > MAX_TITLE) errors.put("title", "at most " + MAX_TITLE + " characters");
        var body = d.body() == null ? "" : d.body().strip();
        if (body.isEmpty()) errors.put("body", "required");
        else if (body.length() > MAX_BODY) errors.put("body", "at most " + MAX_BODY + " characters");
        if (d.format() == null) errors.put("format", "required: markdown or html");
        if (d.status() == null) errors.put("status", "required: one of draft, published");
        return errors;
    }

    private FixedPage prepare(FixedPageDraft d) {
        var errors = problems(d);
        if (!errors.isEmpty()) throw new ValidationException(errors);
        var path = PagePath.normalize(d.path());
        var body = d.body().strip();
        return new FixedPage(0, path, d.title().strip(), d.format(), body, render(d.format(), body), d.status(),
                clock.instant(), clock.instant());
    }

    private FixedPage changed(FixedPage page) {
        fire();
        return page;
    }

    private void fire() {
        published.forget();
        listeners.forEach(Runnable::run);
    }
}
