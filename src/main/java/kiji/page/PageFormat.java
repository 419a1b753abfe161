package kiji.page;

import java.util.Locale;
import java.util.Optional;

/**
 * What a page's body is written in: Markdown (the newsroom's editor), or HTML (a page imported
 * from WordPress, kept as it was shown there). Either way readers get the sanitized rendering.
 */
public enum PageFormat {
    MARKDOWN,
    HTML;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PageFormat> parse(String s) {
        if (s == null) return Optional.empty();
        for (var f : values()) if (f.key().equals(s.strip().toLowerCase(Locale.ROOT))) return Optional.of(f);
        return Optional.empty();
    }
}
