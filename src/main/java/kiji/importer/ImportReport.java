package kiji.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an import did (or, with {@code --dry-run}, would do). Counts describe the file, not what
 * was new, so importing the same file twice gives the same report.
 */
public final class ImportReport {
    /** An item not imported, and why. */
    public record Skipped(String id, String reason) {}

    static final int SKIPPED_IDS_SHOWN = 5;

    long published;
    long scheduled;
    long draft;
    long privateItems;
    long pages;
    long photos;
    long shortcodesRemoved;
    long postsWithShortcodes;
    final Set<String> categories = new LinkedHashSet<>();
    final Set<String> tags = new LinkedHashSet<>();
    final Set<String> authors = new LinkedHashSet<>();
    /** redirects written (a counter, not a set of paths: an archive may hold half a million) */
    long redirects;
    final List<Skipped> skipped = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    /** The {@code --json} object, keys in the documented order. */
    public Map<String, Object> toJson() {
        var articles = new LinkedHashMap<String, Object>();
        articles.put("published", published);
        articles.put("scheduled", scheduled);
        articles.put("draft", draft);
        articles.put("private", privateItems);
        var out = new LinkedHashMap<String, Object>();
        out.put("articles", articles);
        out.put("pages", pages);
        out.put("categories", categories.size());
        out.put("tags", tags.size());
        out.put("authors", authors.size());
        out.put("photos", photos);
        out.put("redirects", redirects);
        out.put("skipped", skipped.stream().map(s -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("id", s.id());
            m.put("reason", s.reason());
            return m;
        }).toList());
        out.put("warnings", List.copyOf(warnings));
        return out;
    }

    /** Adds a warning the caller knows of (an option this import could not honour). */
    public void warn(String warning) {
        warnings.add(warning);
    }

    public long articles() {
        return published + scheduled + draft + privateItems;
    }

    /** Lines for stderr. */
    public List<String> summary(boolean dryRun) {
        var lines = new ArrayList<String>();
        lines.add((dryRun ? "dry run, nothing written: " : "imported: ") + articles() + " articles (" + published
                + " published, " + scheduled + " scheduled, " + draft + " draft, " + privateItems + " private), "
                + pages + " pages, " + categories.size() + " categories, " + tags.size() + " tags, "
                + authors.size() + " authors, " + photos + " photos, " + redirects + " redirects");
        lines.addAll(skippedSummary());
        for (var w : warnings) lines.add("warning: " + w);
        return lines;
    }

    /**
     * The skipped items counted per reason, with a few ids each: an archive may hold thousands
     * of trashed posts, and {@code --json} lists every one.
     */
    private List<String> skippedSummary() {
        if (skipped.isEmpty()) return List.of();
        var byKind = new LinkedHashMap<String, List<Skipped>>();
        for (var s : skipped) byKind.computeIfAbsent(kind(s.reason()), k -> new ArrayList<>()).add(s);
        var counts = new ArrayList<String>();
        byKind.forEach((kind, items) -> counts.add(items.size() + " " + kind));
        var lines = new ArrayList<String>();
        lines.add("skipped: " + String.join(", ", counts));
        byKind.forEach((kind, items) -> {
            var shown = new ArrayList<String>();
            for (var s : items.subList(0, Math.min(SKIPPED_IDS_SHOWN, items.size()))) {
                shown.add(s.reason().equals(kind) ? s.id() : s.id() + " (" + s.reason() + ")");
            }
            int more = items.size() - shown.size();
            lines.add("  " + kind + ": " + String.join(", ", shown)
                    + (more > 0 ? " and " + more + " more (--json lists them all)" : ""));
        });
        return lines;
    }

    /** A reason's kind: its words before any detail ({@code invalid: {title=...}} is {@code invalid}). */
    private static String kind(String reason) {
        int colon = reason.indexOf(':');
        return colon > 0 ? reason.substring(0, colon) : reason;
    }
}
