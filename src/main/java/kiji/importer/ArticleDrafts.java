package kiji.importer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import kiji.article.ArticleDraft;
import kiji.article.Category;
import kiji.article.Status;
import kiji.importer.ImportItem.State;

/** An imported item as the draft {@link kiji.article.ArticleService} validates and saves. */
final class ArticleDrafts {
    // ArticleService's limits, applied here so an old post is shortened (and reported), not lost
    private static final int MAX_TITLE = 300;
    private static final int MAX_LEAD = 2_000;
    private static final int MAX_NAMES = 30;
    private static final int MAX_NAME = 100;

    private ArticleDrafts() {}

    static ArticleDraft of(ImportItem item, ItemBody body, Category category, ImportReport report, Clock clock) {
        var title = PlainTitle.of(item.title(), body.html());
        if (title.codePointCount(0, title.length()) > MAX_TITLE) {
            report.warnings.add(item.sourceId() + ": title shortened to " + MAX_TITLE + " characters");
            title = Importer.shorten(title, MAX_TITLE);
        }
        var lead = Importer.shorten(PlainTitle.text(item.lead()), MAX_LEAD);
        // categories other than the article's own become tags, so nothing is lost
        var tagNames = new ArrayList<String>();
        for (var t : item.categories()) {
            var name = PlainTitle.text(t.name());
            if (!name.equals(category.name()) && !CategorySlugs.of(t.slug()).equals(category.slug())) tagNames.add(name);
        }
        for (var t : item.tags()) tagNames.add(PlainTitle.text(t));
        var tags = names(tagNames, item, "tags", report);
        var authors = names(item.authors().stream().map(PlainTitle::text).toList(), item, "authors", report);
        Status status;
        Optional<Instant> at = item.publishedAt();
        switch (item.state()) {
            case PUBLISHED -> {
                status = Status.PUBLISHED;
                if (at.isEmpty()) at = Optional.of(clock.instant());
            }
            case SCHEDULED -> {
                status = at.isPresent() ? Status.SCHEDULED : Status.DRAFT;
                if (at.isEmpty()) report.warnings.add(item.sourceId() + ": scheduled without a date, kept as a draft");
            }
            default -> status = Status.DRAFT; // drafts, and private posts, which must never be public
        }
        return new ArticleDraft(Optional.empty(), title, lead, body.stored(), category.slug(), tags, authors, status, at);
    }

    /** Names as Kiji accepts them: no '/', at most 100 characters, at most 30, no duplicates. */
    private static List<String> names(List<String> raw, ImportItem item, String field, ImportReport report) {
        var out = new LinkedHashSet<String>();
        for (var n : raw) {
            var name = Importer.shorten(n.replace('/', '／').strip(), MAX_NAME);
            if (name.isEmpty() || name.equals(".") || name.equals("..")) continue;
            out.add(name);
        }
        if (out.size() > MAX_NAMES) {
            report.warnings.add(item.sourceId() + ": only the first " + MAX_NAMES + " " + field + " kept of " + out.size());
            return new ArrayList<>(out).subList(0, MAX_NAMES);
        }
        return new ArrayList<>(out);
    }
}
