package kiji.importer;

import java.io.InputStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kiji.article.ArticleService;
import kiji.article.Category;
import kiji.article.CategoryStore;
import kiji.article.Permalinks;
import kiji.article.ValidationException;
import kiji.importer.ImportItem.Kind;
import kiji.importer.ImportItem.State;
import kiji.storage.ReusedStatements;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code kiji import}: reads an export and writes its items through {@link ArticleService} (the
 * same rules and sanitizer as every article) in ONE transaction. A file that cannot be read
 * stops the import at the line it names and nothing is written; {@code --dry-run} runs the same
 * import and rolls it back, so its report is exactly what a real run would say.
 */
public final class Importer {
    static final String DEFAULT_CATEGORY_SLUG = "uncategorized";
    static final String DEFAULT_CATEGORY_NAME = "未分類";

    private final Jdbi jdbi;
    private final ArticleService articles;
    private final CategoryStore categoryStore;
    private final SourceMap sources;
    private final Redirects redirects;
    private final PageSink pages;
    private final Permalinks permalinks;
    private final Clock clock;
    private final PhotoSink photos;

    public Importer(Jdbi jdbi, ArticleService articles, CategoryStore categories, SourceMap sources,
                    Redirects redirects, PageSink pages, Permalinks permalinks, Clock clock) {
        this(jdbi, articles, categories, sources, redirects, pages, permalinks, clock, PhotoSink.NONE);
    }

    /** @param photos the media library attachments become photos in (with {@code --media}) */
    public Importer(Jdbi jdbi, ArticleService articles, CategoryStore categories, SourceMap sources,
                    Redirects redirects, PageSink pages, Permalinks permalinks, Clock clock, PhotoSink photos) {
        this.photos = photos;
        this.jdbi = jdbi;
        this.articles = articles;
        this.categoryStore = categories;
        this.sources = sources;
        this.redirects = redirects;
        this.pages = pages;
        this.permalinks = permalinks;
        this.clock = clock;
    }

    /** @throws ImportException when the file cannot be read (nothing was written) */
    public ImportReport run(ImportSource source, InputStream in, boolean dryRun) {
        return run(source, in, dryRun, Optional.empty());
    }

    /**
     * The same, with {@code --media}: the attachments become photos first, then the posts name
     * them as featured photos and show them in their bodies. Photo files are written during the
     * transaction; when it does not commit they are deleted again (SQLite gives a rolled-back id
     * to the next photo, which must not find another's files under it).
     *
     * @throws ImportException when the file cannot be read (nothing was written, no file left)
     */
    public ImportReport run(ImportSource source, InputStream in, boolean dryRun, Optional<MediaFolder> media) {
        var report = new ImportReport();
        var known = new ImportedPhotos(photos, sources, source.name(), clock);
        boolean committed = false;
        try {
            jdbi.useTransaction(h -> {
                known.load();
                media.ifPresent(m -> known.addAll(m, report, dryRun));
                var run = new Run(source.name(), report, known, sources.writes(h), redirects.writes(h));
                ReusedStatements.during(h, () -> {
                    ReadAhead.read(source, in, Importer.this::body, run::item);
                    run.declared(source.declaredCategories());
                    run.flush();
                });
                // one line, not one per post: an archive of 100,000 posts may have a gallery in each
                if (report.shortcodesRemoved > 0) {
                    report.warnings.add(report.shortcodesRemoved + " shortcode(s) removed from "
                            + report.postsWithShortcodes + " item(s)");
                }
                if (dryRun) throw new DryRun();
            });
            committed = true;
        } catch (DryRun expected) {
            // rolled back: the report stands
        } finally {
            if (!committed) known.discardCreated();
        }
        return report;
    }

    /** Converted and sanitized on the reading thread, so the writing thread (the bottleneck) only writes. */
    private ItemBody body(ImportItem item) {
        var body = ItemBody.of(item);
        return item.kind() == Kind.ARTICLE && item.state() != State.SKIPPED ? body.prerendered(articles::prerender) : body;
    }

    /** Thrown at the end of a dry run to roll its transaction back. */
    private static final class DryRun extends RuntimeException {
        DryRun() {
            super("dry run", null, false, false);
        }
    }

    /** One import's state: categories met so far, the report. */
    private final class Run {
        private final String source;
        private final ImportReport report;
        private final Map<String, Category> categoryBySlug = new HashMap<>();
        private final Map<String, Long> imported;
        private final ImportedPhotos photos;
        private Map<String, Category> existingByName;

        private final SourceMap.Writes sourceWrites;
        private final Redirects.Writes redirectWrites;

        Run(String source, ImportReport report, ImportedPhotos photos, SourceMap.Writes sourceWrites,
            Redirects.Writes redirectWrites) {
            this.source = source;
            this.report = report;
            this.photos = photos;
            this.imported = sources.articlesBySourceId(source);
            this.sourceWrites = sourceWrites;
            this.redirectWrites = redirectWrites;
        }

        void flush() {
            sourceWrites.flush();
            redirectWrites.flush();
        }

        void item(ImportItem item, ItemBody body) {
            if (item.state() == State.SKIPPED) {
                report.skipped.add(new ImportReport.Skipped(item.sourceId(), item.sourceStatus()));
                return;
            }
            if (body.shortcodesRemoved() > 0) {
                report.shortcodesRemoved += body.shortcodesRemoved();
                report.postsWithShortcodes++;
            }
            var shown = photos.rewrite(body);
            if (item.kind() == Kind.PAGE) page(item, shown);
            else article(item, shown);
        }

        private void page(ImportItem item, ItemBody body) {
            var path = item.oldPath().orElse("/" + (item.slug().isEmpty() ? item.sourceId() : item.slug()) + "/");
            String served;
            try {
                served = pages.upsert(new PageSink.Page(path, PlainTitle.of(item.title(), body.html()), body.html(),
                        item.state() == State.PUBLISHED, item.sourceId()));
            } catch (ValidationException e) {
                report.skipped.add(new ImportReport.Skipped(item.sourceId(), "invalid page: " + e.errors()));
                return;
            }
            sourceWrites.putPage(source, item.sourceId(), served, clock.instant());
            report.pages++;
            // the sink may answer the path percent-encoded (a link): compare in the one form
            item.oldPath().filter(p -> !p.equals(OldPaths.normalize(served))).ifPresent(p -> {
                redirectWrites.toPath(p, served);
                report.redirects++;
            });
        }

        private void article(ImportItem item, ItemBody body) {
            var draft = ArticleDrafts.of(item, body, category(item), report, clock)
                    .withFeaturedPhoto(photos.featured(item, report));
            var existing = Optional.ofNullable(imported.get(item.sourceId()));
            kiji.article.Article saved;
            try {
                saved = existing.flatMap(id -> articles.update(id, draft, body.rendered()))
                        .orElseGet(() -> articles.create(draft, body.rendered()));
            } catch (ValidationException e) {
                report.skipped.add(new ImportReport.Skipped(item.sourceId(), "invalid: " + e.errors()));
                return;
            }
            sourceWrites.putArticle(source, item.sourceId(), saved.id(), clock.instant());
            imported.put(item.sourceId(), saved.id()); // the same id twice in a file: the second updates
            switch (item.state()) {
                case PUBLISHED -> report.published++;
                case SCHEDULED -> report.scheduled++;
                case PRIVATE -> {
                    report.privateItems++;
                    report.warnings.add(item.sourceId() + ": private or password-protected, kept as a draft");
                }
                default -> report.draft++;
            }
            report.categories.add(saved.category().slug());
            report.tags.addAll(saved.tags());
            report.authors.addAll(saved.authors());
            var permalink = permalinks.of(saved);
            item.oldPath().filter(p -> !p.equals(permalink)).ifPresent(p -> {
                redirectWrites.toArticle(p, saved.id());
                report.redirects++;
            });
        }

        /** The file's declared categories, each made like a used one, used by a post or not. */
        void declared(java.util.List<ImportItem.Term> terms) {
            for (var t : terms) {
                var name = PlainTitle.text(t.name());
                report.categories.add(ensure(CategorySlugs.of(t.slug()), name.isEmpty() ? t.slug() : name).slug());
            }
        }

        /** The article's category: Yoast's primary one, else the first; made when Kiji lacks it. */
        private Category category(ImportItem item) {
            var terms = item.categories();
            var chosen = item.primaryCategory()
                    .flatMap(slug -> terms.stream().filter(t -> t.slug().equals(slug)).findFirst())
                    .or(() -> terms.stream().findFirst());
            if (chosen.isEmpty()) return ensure(DEFAULT_CATEGORY_SLUG, DEFAULT_CATEGORY_NAME);
            var name = PlainTitle.text(chosen.get().name());
            return ensure(CategorySlugs.of(chosen.get().slug()), name.isEmpty() ? chosen.get().slug() : name);
        }

        private Category ensure(String slug, String name) {
            var known = categoryBySlug.get(slug);
            if (known != null) return known;
            if (existingByName == null) {
                existingByName = new HashMap<>();
                for (var c : categoryStore.all()) existingByName.putIfAbsent(c.name(), c);
            }
            var category = categoryStore.findBySlug(slug)
                    .or(() -> Optional.ofNullable(existingByName.get(name)))
                    .orElseGet(() -> articles.createCategory(slug, shorten(name, 100), slug));
            categoryBySlug.put(slug, category);
            return category;
        }
    }

    static String shorten(String s, int max) {
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max));
    }
}
