package kiji.importer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One post, page or entry as a reader found it in an export, before Kiji's rules apply.
 *
 * @param sourceId the item's id in its source (a WordPress post id; an MT entry's basename)
 * @param state what the source says about visibility, mapped by the reader
 * @param title the title as the source wrote it (may hold markup and entities)
 * @param body the body as the source stored it, in {@code format}
 * @param lead the excerpt (may hold markup)
 * @param categories in the source's order; {@code primaryCategory} names one of them by slug
 * @param oldPath the item's path on the old site, for a redirect
 * @param slug the item's URL name (WordPress post_name, MT basename)
 * @param line where the item starts in the file, for messages
 * @param featuredPhoto the source id of the item's featured image (WordPress {@code _thumbnail_id})
 * @param sourceStatus the status as the source wrote it ({@code trash}, {@code auto-draft}, …): why
 *     a {@link State#SKIPPED} item was skipped, in the report
 */
public record ImportItem(
        String sourceId,
        Kind kind,
        State state,
        String title,
        String body,
        BodyFormat format,
        String lead,
        List<Term> categories,
        Optional<String> primaryCategory,
        List<String> tags,
        List<String> authors,
        Optional<Instant> publishedAt,
        Optional<String> oldPath,
        String slug,
        long line,
        Optional<String> featuredPhoto,
        String sourceStatus) {

    public ImportItem {
        categories = List.copyOf(categories);
        tags = List.copyOf(tags);
        authors = List.copyOf(authors);
    }

    /** An item without a featured image, whose source status needs no telling (it was not skipped). */
    public ImportItem(String sourceId, Kind kind, State state, String title, String body, BodyFormat format, String lead,
                      List<Term> categories, Optional<String> primaryCategory, List<String> tags, List<String> authors,
                      Optional<Instant> publishedAt, Optional<String> oldPath, String slug, long line) {
        this(sourceId, kind, state, title, body, format, lead, categories, primaryCategory, tags, authors, publishedAt,
                oldPath, slug, line, Optional.empty(), "");
    }

    public enum Kind { ARTICLE, PAGE }

    /** The source's status, already sorted into what Kiji does with it. */
    public enum State {
        PUBLISHED,
        SCHEDULED,
        DRAFT,
        /** private or password-protected: kept, never public, listed in the report */
        PRIVATE,
        /** trash, auto-draft, revisions: not imported, listed in the report */
        SKIPPED
    }

    /** How the body is written. */
    public enum BodyFormat {
        /** WordPress's stored post_content: wpautop, block comments and shortcodes still to apply */
        WORDPRESS,
        /** HTML shown as is */
        HTML,
        /** plain text whose line breaks become paragraphs (MT's CONVERT BREAKS 1) */
        BREAKS,
        MARKDOWN
    }

    /** A category as the source names it: a URL name and a display name. */
    public record Term(String slug, String name) {}
}
