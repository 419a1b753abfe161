package kiji.article;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The rules for writing articles: validation, rendering, timestamps, and telling listeners. */
public final class ArticleService {
    private static final Logger log = LoggerFactory.getLogger(ArticleService.class);
    static final int MAX_TITLE = 300;
    static final int MAX_LEAD = 2_000;
    static final int MAX_BODY = 200_000;
    static final int MAX_NAMES = 30;
    static final int MAX_NAME = 100;
    static final long MAX_ID = 999_999_999L;
    static final java.time.Instant EARLIEST = java.time.Instant.parse("1900-01-01T00:00:00Z");
    static final java.time.Instant LATEST = java.time.Instant.parse("+10000-01-01T00:00:00Z");

    private final ArticleStore articles;
    private final CategoryStore categories;
    private final MarkdownRenderer markdown;
    private final Clock clock;
    private final ArticlePhoto.Library photos;
    private final List<ArticleEvent.Listener> listeners = new CopyOnWriteArrayList<>();
    private final HeldEvents held = new HeldEvents();

    /** A service whose articles can have no featured photo (no media library). */
    public ArticleService(ArticleStore articles, CategoryStore categories, MarkdownRenderer markdown, Clock clock) {
        this(articles, categories, markdown, clock, ArticlePhoto.Library.none());
    }

    /** {@code photos} is where a featured photo's id must be found for a save to pass. */
    public ArticleService(ArticleStore articles, CategoryStore categories, MarkdownRenderer markdown, Clock clock,
                          ArticlePhoto.Library photos) {
        this.articles = articles;
        this.categories = categories;
        this.markdown = markdown;
        this.clock = clock;
        this.photos = photos;
    }

    public void addListener(ArticleEvent.Listener listener) {
        listeners.add(listener);
    }

    public Article create(ArticleDraft draft) {
        return create(draft, Map.of());
    }

    /**
     * @param inputErrors what could not be read from the request (a time that does not parse, say):
     *     reported in one {@link ValidationException} together with the rules' errors
     */
    public Article create(ArticleDraft draft, Map<String, String> inputErrors) {
        return create(draft, inputErrors, Optional.empty());
    }

    /** {@link #create(ArticleDraft)} with the body rendered ahead by {@link #prerender}. */
    public Article create(ArticleDraft draft, Optional<RenderedBody> rendered) {
        return create(draft, Map.of(), rendered);
    }

    private Article create(ArticleDraft draft, Map<String, String> inputErrors, Optional<RenderedBody> rendered) {
        var d = normalize(draft);
        var category = validate(d, inputErrors);
        if (d.id().isPresent() && articles.exists(d.id().get())) {
            throw new ConflictException("article " + d.id().get() + " already exists");
        }
        var created = articles.insert(d, render(d.body(), rendered), category, clock.instant());
        fire(new ArticleEvent(ArticleEvent.Type.CREATED, created.id(), Optional.of(created)));
        return created;
    }

    public Optional<Article> update(long id, ArticleDraft draft) {
        return update(id, draft, Map.of());
    }

    /** @param inputErrors as for {@link #create(ArticleDraft, Map)} */
    public Optional<Article> update(long id, ArticleDraft draft, Map<String, String> inputErrors) {
        return update(id, draft, inputErrors, Optional.empty());
    }

    /** {@link #update(long, ArticleDraft)} with the body rendered ahead by {@link #prerender}. */
    public Optional<Article> update(long id, ArticleDraft draft, Optional<RenderedBody> rendered) {
        return update(id, draft, Map.of(), rendered);
    }

    private Optional<Article> update(long id, ArticleDraft draft, Map<String, String> inputErrors,
                                     Optional<RenderedBody> rendered) {
        var d = normalize(draft);
        var category = validate(d, inputErrors);
        var updated = articles.update(id, d, render(d.body(), rendered), category, clock.instant());
        updated.ifPresent(a -> fire(new ArticleEvent(ArticleEvent.Type.UPDATED, id, Optional.of(a))));
        return updated;
    }

    public boolean delete(long id) {
        boolean deleted = articles.delete(id);
        if (deleted) fire(new ArticleEvent(ArticleEvent.Type.DELETED, id, Optional.empty()));
        return deleted;
    }

    /**
     * Runs {@code work} (saves through this service and any other Jdbi writes on this thread) as ONE
     * transaction: all of it commits or none of it. Listeners hear of its articles after the commit.
     */
    public <T> T atomically(java.util.function.Supplier<T> work) {
        return held.around(() -> articles.inTransaction(work), this::fire);
    }

    /** Adds a category; slugs and sections are lower-case ASCII words joined by hyphens. */
    public Category createCategory(String slug, String name, String section) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (slug == null || !slug.matches("[a-z0-9][a-z0-9-]{0,62}")) errors.put("slug", "1..63 of a-z, 0-9 and '-'");
        if (section == null || !section.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            errors.put("section", "1..63 of a-z, 0-9 and '-'");
        }
        text(errors, "name", strip(name), MAX_NAME, true);
        if (!errors.isEmpty()) throw new ValidationException(errors);
        if (categories.findBySlug(slug).isPresent()) throw new ConflictException("category " + slug + " already exists");
        return categories.create(slug, strip(name), section);
    }

    /**
     * An HTML body ({@link MarkdownRenderer#HTML_BODY}) through the sanitizer, ready for a later
     * save: pure, so an import runs it on a thread of its own. Markdown bodies are rendered at the
     * save, where their photos (srcset) are looked up in the saving transaction: empty for them.
     */
    public Optional<RenderedBody> prerender(String body) {
        var source = body == null ? "" : body.strip();
        if (!source.startsWith(MarkdownRenderer.HTML_BODY)) return Optional.empty();
        return Optional.of(new RenderedBody(source, markdown.render(source)));
    }

    private String render(String body, Optional<RenderedBody> rendered) {
        return rendered.flatMap(r -> r.htmlOf(body)).orElseGet(() -> markdown.render(body));
    }

    /** Renders Markdown exactly as a saved article would be (for previews). */
    public String preview(String markdownBody) {
        return markdown.render(markdownBody);
    }

    private ArticleDraft normalize(ArticleDraft d) {
        var status = d.status();
        var publishedAt = d.publishedAt();
        // Publishing without a time means "now"; keep to the second, as editors see it.
        if (status == Status.PUBLISHED && publishedAt.isEmpty()) publishedAt = Optional.of(clock.instant());
        return new ArticleDraft(d.id(), strip(d.title()), strip(d.lead()), d.body() == null ? null : d.body().strip(),
                strip(d.category()), names(d.tags()), names(d.authors()), status, publishedAt, d.featuredPhotoId());
    }

    /** Each field keeps its first error: a field the request could not read is not also called "required". */
    private Category validate(ArticleDraft d, Map<String, String> inputErrors) {
        Map<String, String> errors = new LinkedHashMap<>(inputErrors);
        d.id().ifPresent(id -> {
            if (id < 1 || id > MAX_ID) errors.putIfAbsent("id", "must be between 1 and " + MAX_ID);
        });
        text(errors, "title", d.title(), MAX_TITLE, true);
        text(errors, "lead", d.lead(), MAX_LEAD, false);
        text(errors, "body", d.body(), MAX_BODY, true);
        listOfNames(errors, "tags", d.tags());
        listOfNames(errors, "authors", d.authors());
        if (d.status() == null) errors.putIfAbsent("status", "required: one of draft, scheduled, published");
        if (d.status() == Status.SCHEDULED && d.publishedAt().isEmpty()) {
            errors.putIfAbsent("publishedAt", "required for a scheduled article");
        }
        d.publishedAt().ifPresent(at -> {
            // stored as epoch millis; an absurd year would overflow them and is a typo anyway
            if (at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
                errors.putIfAbsent("publishedAt", "must be between 1900-01-01 and 9999-12-31");
            }
        });
        d.featuredPhotoId().ifPresent(photo -> {
            if (photos.find(photo).isEmpty()) errors.putIfAbsent("featuredPhoto", "unknown photo: " + photo);
        });
        Optional<Category> category = Optional.empty();
        if (d.category() == null || d.category().isEmpty()) {
            errors.putIfAbsent("category", "required");
        } else {
            category = categories.findBySlug(d.category());
            if (category.isEmpty()) errors.putIfAbsent("category", "unknown category: " + d.category());
        }
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return category.orElseThrow();
    }

    private static void text(Map<String, String> errors, String field, String value, int max, boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) errors.putIfAbsent(field, "required");
        } else if (value.codePointCount(0, value.length()) > max) {
            errors.putIfAbsent(field, "at most " + max + " characters");
        } else if (hasControlCharacters(value, field.equals("body") || field.equals("lead"))) {
            errors.putIfAbsent(field, "contains control characters");
        }
    }

    private static void listOfNames(Map<String, String> errors, String field, List<String> names) {
        if (names.size() > MAX_NAMES) errors.putIfAbsent(field, "at most " + MAX_NAMES + " entries");
        for (var n : names) {
            // each name is a URL segment (/tag/NAME): '/', '.' and '..' cannot be one
            if (n.isEmpty() || n.length() > MAX_NAME || hasControlCharacters(n, false) || n.contains("/")
                    || n.equals(".") || n.equals("..")) {
                errors.putIfAbsent(field, "each entry must be 1.." + MAX_NAME
                        + " characters, without '/' or control characters, and not '.' or '..'");
            }
        }
    }

    static boolean hasControlCharacters(String s, boolean allowNewlines) {
        return s.chars().anyMatch(c -> Character.getType(c) == Character.CONTROL
                && !(allowNewlines && (c == '\n' || c == '\r' || c == '\t')));
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static List<String> names(List<String> names) {
        var out = new LinkedHashSet<String>();
        for (var n : names) if (n != null) out.add(n.strip());
        return new ArrayList<>(out);
    }

    private void fire(ArticleEvent event) {
        if (held.hold(event)) return;
        for (var l : listeners) {
            try {
                l.on(event);
            } catch (RuntimeException e) {
                log.warn("article listener failed for {} {}", event.type(), event.id(), e);
            }
        }
    }
}
