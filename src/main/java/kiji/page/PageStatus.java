package kiji.page;

import java.util.Locale;
import java.util.Optional;

/** Readers see a published page; a draft answers 404. Written in lower case in JSON and the database. */
public enum PageStatus {
    DRAFT,
    PUBLISHED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PageStatus> parse(String s) {
        if (s == null) return Optional.empty();
        for (var st : values()) if (st.key().equals(s.strip().toLowerCase(Locale.ROOT))) return Optional.of(st);
        return Optional.empty();
    }
}
