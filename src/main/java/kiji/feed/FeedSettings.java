package kiji.feed;

import java.util.Locale;
import java.util.Map;

/**
 * How feeds are written. {@code KIJI_FEED_CONTENT=full} (the default) puts each article's whole
 * body in the feed (RSS {@code content:encoded}, Atom {@code content}); {@code excerpt} gives
 * only the lead, for sites that want readers on their pages. {@code KIJI_FEED_ITEMS} (1..100,
 * default 20) is how many of the newest articles a feed lists.
 */
public record FeedSettings(boolean fullText, int items) {
    public static final int DEFAULT_ITEMS = 20;

    public FeedSettings {
        if (items < 1 || items > 100) throw new IllegalArgumentException("KIJI_FEED_ITEMS must be 1..100, not " + items);
    }

    public static FeedSettings defaults() {
        return new FeedSettings(true, DEFAULT_ITEMS);
    }

    /** Reads KIJI_FEED_CONTENT and KIJI_FEED_ITEMS; a bad value is refused, not guessed around. */
    public static FeedSettings fromEnvironment(Map<String, String> env) {
        var content = env.getOrDefault("KIJI_FEED_CONTENT", "full").strip().toLowerCase(Locale.ROOT);
        boolean full = switch (content) {
            case "full", "" -> true;
            case "excerpt" -> false;
            default -> throw new IllegalArgumentException("KIJI_FEED_CONTENT must be full or excerpt, not " + content);
        };
        var raw = env.getOrDefault("KIJI_FEED_ITEMS", "").strip();
        int items;
        try {
            items = raw.isEmpty() ? DEFAULT_ITEMS : Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("KIJI_FEED_ITEMS must be an integer 1..100, not " + raw);
        }
        return new FeedSettings(full, items);
    }
}
